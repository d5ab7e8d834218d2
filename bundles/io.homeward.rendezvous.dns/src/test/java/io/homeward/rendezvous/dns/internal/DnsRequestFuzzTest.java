package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.BOB;
import static io.homeward.rendezvous.dns.internal.ServerFixture.START;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.osgi.service.log.Logger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.homeward.api.auth.TsigKey;
import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;
import io.homeward.testkit.MutableClock;

/**
 * Up to three messages from one client, over UDP, TCP or TLS, handed to the request pipeline the way the
 * transports hand them: queries, UPDATEs, LLQ setups (RFC 8764) and leases (EDNS options), DSO sessions with DNS
 * Push (RFC 8490, RFC 8765), TSIG (RFC 8945). A message may first be signed with alice's key, so that what only an
 * authenticated client reaches (UPDATE prerequisites and records, push subscriptions) is fuzzed too. The pipeline
 * promises that nothing escapes {@link io.homeward.api.dns.DnsRequestHandler#handle} and that no exception reaches
 * its catch-all (logged as ERROR); every answer sent must itself parse, and the zone stores only records whose
 * RDATA is valid for their type.
 */
class DnsRequestFuzzTest {
    private static final MutableClock CLOCK = new MutableClock(START);
    private static final List<Throwable> ERRORS = Collections.synchronizedList(new ArrayList<>());
    private static final DnsTransport[] TRANSPORTS = DnsTransport.values();
    private static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.10", 40000);
    private static Path journalDir;
    private static DnsServer server;

    @FuzzTest(maxDuration = "10s")
    void aClientsMessagesAreAnsweredOrDropped(FuzzedDataProvider data) throws IOException {
        DnsServer handler = server();
        Client client = new Client(data.pickValue(TRANSPORTS));
        boolean signed = data.consumeBoolean();
        int messages = data.consumeInt(1, 3);
        for (int i = 0; i < messages; i++) {
            byte[] wire = i < messages - 1 ? data.consumeBytes(data.consumeInt(0, 4096))
                    : data.consumeRemainingAsBytes();
            handler.requests().handle(signed ? signed(wire) : wire, client);
        }
        handler.watches().closed(client);
        if (!ERRORS.isEmpty()) {
            Throwable first = ERRORS.get(0);
            ERRORS.clear();
            throw new AssertionError("an exception reached the pipeline's catch-all", first);
        }
        for (byte[] sent : client.sent()) {
            assertParses(sent);
        }
        for (Record stored : handler.zones().read(() -> handler.zones().zone(ALICE).storedRecords())) {
            assertNotNull(Record.newRecord(stored.getName(), stored.getType(), stored.getDClass(), stored.getTTL(),
                    stored.rdataToWireCanonical()), "a stored record whose RDATA is not valid for its type");
        }
    }

    @AfterAll
    static void removeServer() throws IOException {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
        try (Stream<Path> paths = Files.walk(journalDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The message re-encoded by dnsjava and signed with alice's key; unchanged when dnsjava cannot read it. */
    private static byte[] signed(byte[] wire) {
        try {
            Message message = new Message(wire);
            new TSIG(TSIG.HMAC_SHA256, ALICE, new SecretKeySpec(ServerFixture.secret(1), "HmacSHA256"), CLOCK)
                    .apply(message, null);
            return message.toWire();
        } catch (IOException | RuntimeException unreadable) {
            return wire;
        }
    }

    private static void assertParses(byte[] sent) throws IOException {
        assertTrue(sent.length >= 12, "an answer shorter than a DNS header");
        if (DsoMessage.isDso(sent)) {
            DsoMessage.parse(sent);
        } else {
            new Message(sent);
        }
    }

    /** One server for the whole run, its journal on tmpfs where there is one (fsync is cheap there). */
    private static synchronized DnsServer server() throws IOException {
        if (server == null) {
            Path shm = Path.of("/dev/shm");
            journalDir = Files.isWritable(shm) ? Files.createTempDirectory(shm, "dns-fuzz")
                    : Files.createTempDirectory("dns-fuzz");
            Map<String, TsigKey> keys = Map.of(
                    ALICE.toString(), new TsigKey(ALICE.toString(), "hmac-sha256.", ServerFixture.secret(1)),
                    BOB.toString(), new TsigKey(BOB.toString(), "hmac-sha256.", ServerFixture.secret(2)));
            // No rate limit: the fuzzer is one client that sends far more than 5 UPDATEs a second.
            server = new DnsServer(ServerFixture.settings(100_000, 1e9, 1_000_000_000, List.of()),
                    WatchSettings.DEFAULTS, name -> Optional.ofNullable(keys.get(name)), ServerFixture::masterScope,
                    CLOCK, new SecureRandom(),
                    Runnable::run, journalDir, errorRecorder());
            server.zones().createZone(ALICE);
            server.zones().createZone(BOB);
        }
        return server;
    }

    /** An OSGi logger that keeps the exception of every ERROR, from whichever thread logs it. */
    private static Logger errorRecorder() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("error")) {
                        Object last = args == null ? null : args[args.length - 1];
                        ERRORS.add(last instanceof Throwable t ? t
                                : new AssertionError("ERROR " + (args == null ? "" : args[0])));
                    }
                    if (method.getReturnType() == String.class) {
                        return "fuzz";
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }

    /** A client of one transport; a stream connection closes when the server closes it. */
    private static final class Client implements DnsResponder {
        private final DnsTransport transport;
        private final List<byte[]> sent = new ArrayList<>();
        private boolean open = true;

        Client(DnsTransport transport) {
            this.transport = transport;
        }

        @Override
        public DnsTransport transport() {
            return transport;
        }

        @Override
        public InetSocketAddress client() {
            return CLIENT;
        }

        @Override
        public synchronized boolean send(byte[] message) {
            if (!open) {
                return false;
            }
            sent.add(message.clone());
            return true;
        }

        @Override
        public synchronized boolean isOpen() {
            return open || transport == DnsTransport.UDP;
        }

        @Override
        public synchronized void close() {
            open = transport == DnsTransport.UDP;
        }

        @Override
        public void setIdleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the idle timeout must be positive: " + timeout);
            }
        }

        synchronized List<byte[]> sent() {
            return List.copyOf(sent);
        }
    }
}
