package io.homeward.itests.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.PasswordKeys;

/**
 * The slowloris measure (run by itests/bench/slowloris.sh against a running rendezvous): N slow connections from
 * many loopback addresses in many /24s, half to the TCP and half to the TLS port, while legitimate clients (a signed
 * SOA query over TLS, a signed UPDATE over TCP, each on a new connection) keep asking; prints how many of them were
 * served. Prints figures; asserts nothing. Exit status 2 for bad options.
 */
public final class SlowlorisBench {
    /** Slow connections per source address; the sources spread over this many /24s. */
    private static final int PER_SOURCE = 5;
    private static final int NETWORKS = 22;
    private static final long PAUSE_MILLIS = 250;

    private SlowlorisBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("port", "tls-port", "password", "certificate")) {
            if (!options.containsKey(required)) {
                System.err.println("usage: SlowlorisBench --port P --tls-port T --password PW --certificate PEM"
                        + " [--user alice] [--domain members.example.] [--connections 1100] [--seconds 60]");
                System.exit(2);
            }
        }
        InetAddress server = InetAddress.getByName("127.0.0.1");
        InetSocketAddress tcp = new InetSocketAddress(server, Integer.parseInt(options.get("port")));
        InetSocketAddress tls = new InetSocketAddress(server, Integer.parseInt(options.get("tls-port")));
        int connections = Integer.parseInt(options.getOrDefault("connections", "1100"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        String zoneText = PasswordKeys.zoneOf(options.getOrDefault("user", "alice"),
                options.getOrDefault("domain", "members.example."));
        TsigKey derived = PasswordKeys.derive(zoneText, options.get("password").toCharArray());
        Name zone = Name.fromString(zoneText);
        TSIG key = new TSIG(TSIG.HMAC_SHA256, zone, new SecretKeySpec(derived.secret(), "HmacSHA256"));
        LegitimateClients clients = new LegitimateClients(tcp, tls, Path.of(options.get("certificate")), key, zone);

        List<InetAddress> sources = new ArrayList<>();
        int perNetwork = Math.max(1, (connections / PER_SOURCE + NETWORKS - 1) / NETWORKS);
        for (int i = 0; i < connections / PER_SOURCE + 1; i++) {
            sources.add(InetAddress.getByAddress(new byte[] {127, 0, (byte) (1 + i % NETWORKS), (byte) (2 + i / NETWORKS)}));
        }
        System.out.printf("slow senders: %d connections (one byte every 10 s), %d per address from %d addresses in %d"
                + " loopback /24s (up to %d each), half to TCP port %d and half to TLS port %d%n", connections,
                PER_SOURCE, sources.size(), Math.min(NETWORKS, sources.size()), perNetwork * PER_SOURCE, tcp.getPort(),
                tls.getPort());
        try (SlowSenders slow = new SlowSenders(connections, sources,
                List.of(SlowSenders.Target.plain(tcp), SlowSenders.Target.tls(tls)))) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(5));
            System.out.printf("after 5 s: %d slow connections open (%d opened so far)%n", slow.open(), slow.connects());
            Tally tlsTally = new Tally("signed SOA query over TLS");
            Tally tcpTally = new Tally("signed UPDATE over TCP");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Thread tlsLoop = loop(tlsTally, i -> clients.signedSoaOverTls(), end);
            Thread tcpLoop = loop(tcpTally, clients::signedUpdateOverTcp, end);
            for (int s = 10; s <= seconds; s += 10) {
                Thread.sleep(TimeUnit.SECONDS.toMillis(10));
                System.out.printf("t=%3d s: slow connections open %4d, opened %5d, closed by the server %5d;"
                        + " legitimate served %d/%d%n", s, slow.open(), slow.connects(), slow.closedByServer(),
                        tlsTally.served.get() + tcpTally.served.get(), tlsTally.tried.get() + tcpTally.tried.get());
            }
            tlsLoop.join();
            tcpLoop.join();
            for (Tally tally : List.of(tlsTally, tcpTally)) {
                tally.print();
            }
            int served = tlsTally.served.get() + tcpTally.served.get();
            int tried = tlsTally.tried.get() + tcpTally.tried.get();
            System.out.printf("legitimate clients served: %d/%d (%.1f %%)%n", served, tried,
                    tried == 0 ? 0.0 : 100.0 * served / tried);
        }
    }

    private static Thread loop(Tally tally, IntFunction<String> client, long end) {
        Thread thread = new Thread(() -> {
            for (int i = 0; System.nanoTime() - end < 0; i++) {
                tally.record(client.apply(i));
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, tally.what);
        thread.start();
        return thread;
    }

    /** Attempts of one kind of client, and why the failed ones failed. */
    private static final class Tally {
        private final String what;
        private final AtomicInteger tried = new AtomicInteger();
        private final AtomicInteger served = new AtomicInteger();
        private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        Tally(String what) {
            this.what = what;
        }

        void record(String failure) {
            tried.incrementAndGet();
            if (failure == null) {
                served.incrementAndGet();
            } else {
                failures.computeIfAbsent(failure, f -> new AtomicInteger()).incrementAndGet();
            }
        }

        void print() {
            System.out.printf("%s: served %d/%d%s%n", what, served.get(), tried.get(),
                    failures.isEmpty() ? "" : "; failures: " + failures);
        }
    }
}
