package io.homeward.kerberos.internal.kdc;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any request at the KDC's engine, in memory ({@link FuzzedKdc}): the input's last octet (Jazzer takes numbers from
 * the end) chooses either the rest of the input as the request itself — the saved inputs hold MIT 1.20's requests this
 * way, a 0 octet after each — or one of the valid requests the engine knows (the AS-REQs with PKINIT and TGS-REQs
 * this bundle's client made against it, MIT's), mutated by {@link RequestMutator} with choices the rest of the input
 * makes; the saved inputs of one octet choose each of the client's requests. Each is answered with nothing or a
 * decodable KRB-ERROR, AS-REP or TGS-REP, never an exception, and every request is counted once.
 */
class KdcEngineFuzzTest {
    private static final FuzzedKdc KDC = start();
    private static final List<byte[]> VALID = KDC.requests();
    private static final RequestMutator MUTATOR = new RequestMutator(VALID);
    private static long requests;

    @FuzzTest(maxDuration = "10s")
    void anyRequestIsAnsweredOrRefused(FuzzedDataProvider data) {
        int choice = data.consumeInt(0, VALID.size());
        byte[] request = choice == 0 ? data.consumeRemainingAsBytes()
                : MUTATOR.mutate(VALID.get(choice - 1), bound -> data.consumeInt(0, bound - 1));
        KDC.answer(request);
        KDC.checkBounds(++requests);
    }

    private static FuzzedKdc start() {
        try {
            FuzzedKdc kdc = new FuzzedKdc();
            Runtime.getRuntime().addShutdownHook(new Thread(kdc::close));
            return kdc;
        } catch (Exception e) {
            throw new IllegalStateException("the fuzzed KDC does not start: " + e, e);
        }
    }
}
