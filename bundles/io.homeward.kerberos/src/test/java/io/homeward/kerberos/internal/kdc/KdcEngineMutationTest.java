package io.homeward.kerberos.internal.kdc;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.KrbError;

/**
 * A hundred thousand deterministic mutations ({@link RequestMutator}: bit flips, truncations, length and tag edits,
 * element deletions and duplications, splices between messages) of valid AS-REQs with PKINIT and TGS-REQs, through
 * the engine's handler in memory: each gets nothing or a decodable KRB-ERROR, AS-REP or TGS-REP, nothing escapes,
 * every request is counted once and the replay cache stays within its capacity. The clock moves a second every 100
 * requests, so authenticators expire from the replay cache while others come. Prints the count, the rate and the
 * answers by kind; no timing is asserted.
 */
class KdcEngineMutationTest {
    private static final int MUTATIONS = 100_000;
    /** The AS-REQs (PKINIT: certificate path, signature, DH) cost a hundred times a TGS-REQ: fewer of them. */
    private static final int AS_SHARE_PERCENT = 15;

    private FuzzedKdc kdc;

    @BeforeEach
    void start() throws Exception {
        kdc = new FuzzedKdc();
    }

    @AfterEach
    void stop() {
        kdc.close();
    }

    @Test
    void everyMutatedRequestIsAnsweredOrRefusedAndNothingGrows() throws Exception {
        List<String> names = List.copyOf(kdc.valid.keySet());
        List<String> as = names.stream().filter(name -> name.contains("as-req")).toList();
        List<String> tgs = names.stream().filter(name -> name.contains("tgs-req")).toList();
        RequestMutator mutator = new RequestMutator(kdc.requests());
        Random random = new Random(4120);
        Map<String, Integer> answers = new TreeMap<>();
        long requests = 0;
        long start = System.nanoTime();
        for (int i = 0; i < MUTATIONS; i++) {
            List<String> pool = random.nextInt(100) < AS_SHARE_PERCENT ? as : tgs;
            byte[] answer = kdc.answer(mutator.mutate(kdc.valid.get(pool.get(random.nextInt(pool.size()))),
                    random::nextInt));
            requests++;
            answers.merge(kind(answer), 1, Integer::sum);
            if (i % 100 == 99) {
                kdc.clock.advance(Duration.ofSeconds(1));
            }
            if (i % 10_000 == 9_999) {
                kdc.checkBounds(requests);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        kdc.checkBounds(requests);
        System.out.printf(Locale.ROOT, "KDC engine: %d mutated requests (%d%% AS-REQ) in %.1f s, %.0f a second;"
                + " answers %s; replay cache %d%n", requests, AS_SHARE_PERCENT, seconds, requests / seconds, answers,
                kdc.replays.size());
    }

    private static String kind(byte[] answer) throws Exception {
        if (answer.length == 0) {
            return "none";
        }
        KerberosMessage message = KerberosMessage.decode(answer);
        return message instanceof KrbError error ? "error " + error.errorCode() : "rep " + message.messageType();
    }
}
