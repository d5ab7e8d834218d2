package io.homeward.kerberos.internal.kdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.osgi.service.log.Logger;

import io.homeward.api.kerberos.KdcStatus;
import io.homeward.kerberos.internal.client.ClientExchanges;
import io.homeward.kerberos.internal.net.KdcRequest;
import io.homeward.kerberos.internal.pkinit.ClientPrincipalMapping;
import io.homeward.kerberos.internal.pkinit.KeyAgreementGroup;
import io.homeward.kerberos.internal.pkinit.PkinitKdc;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.kerberos.internal.wire.KdcRep;
import io.homeward.kerberos.internal.wire.KerberosFormatException;
import io.homeward.kerberos.internal.wire.KerberosMessage;
import io.homeward.kerberos.internal.wire.KrbError;
import io.homeward.kerberos.internal.wire.Resources;
import io.homeward.testkit.MutableClock;

/**
 * The KDC's engine in memory as the mutation test and the fuzz target drive it: {@code home}'s KDC with its user's
 * laptop as the client, a small replay cache, and valid requests to mutate: the AS-REQs with PKINIT (P-256 and
 * MODP group 14) and TGS-REQs this bundle's client makes against the engine itself, and what MIT 1.20's clients sent
 * (wire/mit: kinit's AS-REQs with and without PKINIT and with PA-ENC-TIMESTAMP, kvno's TGS-REQ).
 */
final class FuzzedKdc implements AutoCloseable {
    static final String REALM = ClientExchanges.REALM;
    /** Small, so that mutations that are admitted fill it and the bound is reached. */
    static final int REPLAY_CAPACITY = 512;
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 41000);
    private static final List<String> MIT_REQUESTS = List.of("as-req", "as-req-pkinit", "as-req-enc-timestamp",
            "tgs-req");

    final MutableClock clock = new MutableClock();
    final KdcCounters counters = new KdcCounters();
    final ReplayCache replays;
    final KdcEngine engine;
    /** The valid requests by name, the client's first. */
    final Map<String, byte[]> valid = new LinkedHashMap<>();
    private final Path directory;
    /** What the counters held when the client's exchanges were done. */
    private final long baseline;

    FuzzedKdc() throws Exception {
        directory = Files.createTempDirectory("fuzzed-kdc");
        SecureRandom random = new SecureRandom();
        TestAccountCa ca = TestAccountCa.create("members.example", clock.instant());
        TestAccountCa.Host laptop = ca.host("laptop", TestAccountCa.ZONE, clock.instant());
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, clock.instant());
        PrincipalKeyStore store = PrincipalKeyStore.open(directory, REALM, random, clock);
        store.register(List.of("HTTP", ClientExchanges.HOST));
        store.register(List.of("host", ClientExchanges.HOST));
        ClientPrincipalMapping mapping = new ClientPrincipalMapping(TestAccountCa.ZONE, REALM);
        Set<TrustAnchor> anchors = Set.of(new TrustAnchor(ca.certificate, null));
        Logger log = discarding();
        replays = new ReplayCache(clock, ReplayCache.DEFAULT_SKEW, REPLAY_CAPACITY, log);
        engine = new KdcEngine(store, mapping.user(), new PkinitKdc(home.credential(), anchors,
                certificate -> false, mapping, clock, random), replays, TicketPolicy.DEFAULTS, counters, clock,
                random, log);
        for (KeyAgreementGroup group : List.of(KeyAgreementGroup.P_256, KeyAgreementGroup.MODP_2048)) {
            List<byte[]> sent = new ArrayList<>();
            ClientExchanges client = ClientExchanges.inMemory(engine, PEER, sent::add, ca.certificate, laptop, group,
                    clock);
            client.asExchange();
            client.tgsExchange("HTTP");
            client.tgsExchange("host");
            valid.put("our as-req " + group, sent.get(0));
            valid.put("our tgs-req HTTP " + group, sent.get(1));
            valid.put("our tgs-req host " + group, sent.get(2));
        }
        for (String name : MIT_REQUESTS) {
            valid.put("mit " + name, Resources.mit(name));
        }
        baseline = counted();
    }

    /** What the engine answers, checked: nothing, a KRB-ERROR, an AS-REP or a TGS-REP, each decodable. */
    byte[] answer(byte[] request) {
        byte[] answer;
        try {
            answer = engine.handle(new KdcRequest(request, PEER, KdcRequest.Transport.TCP));
        } catch (RuntimeException e) {
            throw new AssertionError("the engine threw on " + HexFormat.of().formatHex(request) + ": " + e, e);
        }
        if (answer.length == 0) {
            return answer;
        }
        try {
            KerberosMessage message = KerberosMessage.decode(answer);
            if (message instanceof KrbError error) {
                assertFalse(error.eText().orElse("").contains("\n"), "a one-line e-text");
            } else if (!(message instanceof KdcRep)) {
                fail("the engine answered with message type " + message.messageType());
            }
        } catch (KerberosFormatException e) {
            fail("the engine's answer does not decode: " + e.getMessage() + ": " + HexFormat.of().formatHex(answer));
        }
        return answer;
    }

    /** Every request counted once, as a ticket or an error; the error codes and the replay cache within bounds. */
    void checkBounds(long requests) {
        assertEquals(requests, counted() - baseline, "one count per request");
        KdcStatus status = counters.status(REALM, List.of(), List.of());
        assertTrue(status.errorsByCode().size() <= 128, "error codes counted: " + status.errorsByCode().size());
        assertTrue(replays.size() <= REPLAY_CAPACITY, "authenticators remembered: " + replays.size());
    }

    private long counted() {
        KdcStatus status = counters.status(REALM, List.of(), List.of());
        return status.asIssued() + status.tgsIssued()
                + status.errorsByCode().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The valid requests' octets, in order. */
    List<byte[]> requests() {
        return List.copyOf(valid.values());
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine logs every request in one line: not kept here (a hundred thousand lines). */
    private static Logger discarding() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "fuzzed-kdc";
                    case "toString" -> "FuzzedKdc";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }
}
