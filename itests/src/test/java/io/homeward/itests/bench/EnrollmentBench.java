package io.homeward.itests.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.homeward.api.auth.TsigKey;
import io.homeward.itests.CertificateRequests;
import io.homeward.itests.EnrollingRendezvous;
import io.homeward.itests.EstClient;
import io.homeward.kit.enroll.EnrollmentAuthorization.Scheme;
import io.homeward.kit.enroll.InviteCode;

/**
 * The enrollment benchmark of itests/bench/enrollment.sh against a real rendezvous runtime on loopback:
 * <ol>
 * <li>invites: {@code homeward:invite} typed into the running server's shell, one after the other (invites/s,
 * the shell's round trip included), 20 at a time (the most a user may have pending);</li>
 * <li>enrollments with each batch of invites: CLIENTS threads send {@code simpleenroll} over HTTPS (a new TLS connection
 * each, as an agent does) with PKCS#10 requests made beforehand by Bouncy Castle (P-256), so the figure is the
 * server's: enrollments/s and the latency median and 95th percentile;</li>
 * <li>the same with the user's password-derived key instead of invites;</li>
 * <li>{@code --join}: JOINS times a fresh agent started with {@code --join CODE}, timed from the process start to its
 * registrar's "Published" log line; the median.</li>
 * </ol>
 */
public final class EnrollmentBench {
    private static final int INVITE_BATCH = 20;

    private EnrollmentBench() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = 200;
        int clients = 8;
        int joins = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--hosts" -> hosts = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--joins" -> joins = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("homeward-enrollment-bench");
        try (EnrollingRendezvous rendezvous = EnrollingRendezvous.start(work.resolve("rendezvous"), "")) {
            EstClient est = rendezvous.est();
            String zone = EnrollingRendezvous.zone("alice");
            String bare = zone.substring(0, zone.length() - 1);

            // The server keeps at most 20 pending invites per user: invites are made and used in batches of 20.
            long inviting = 0;
            long enrolling = 0;
            List<Long> latencies = new ArrayList<>();
            for (int first = 0; first < hosts; first += INVITE_BATCH) {
                int count = Math.min(INVITE_BATCH, hosts - first);
                List<byte[]> bodies = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    bodies.add(EstClient.body(CertificateRequests.forHost("invited" + (first + i), bare)));
                }
                List<InviteCode> invites = new ArrayList<>();
                long started = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    invites.add(InviteCode.decode(rendezvous.invite("alice", "invited" + (first + i), "1h")));
                }
                long made = System.nanoTime();
                latencies.addAll(enrollAll(est, count, clients, (client, i) -> {
                    InviteCode invite = invites.get(i);
                    byte[] body = bodies.get(i);
                    return client.enroll(EstClient.authorization(Scheme.INVITE, invite.id(), invite.secret(), body), body);
                }));
                inviting += made - started;
                enrolling += System.nanoTime() - made;
            }
            report("invites (homeward:invite typed into the shell, one at a time)", hosts, inviting, List.of());
            report("enrollments with an invite (" + clients + " clients)", hosts, enrolling, latencies);
            report("invite -> certificate, both steps", hosts, inviting + enrolling, List.of());

            TsigKey alice = EnrollingRendezvous.masterKey("alice");
            List<byte[]> keyed = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                keyed.add(EstClient.body(CertificateRequests.forHost("keyed" + i, bare)));
            }
            long started = System.nanoTime();
            latencies = enrollAll(est, hosts, clients, (client, i) -> client.enroll(EstClient.authorization(Scheme.KEY,
                    alice.name(), alice.secret(), keyed.get(i)), keyed.get(i)));
            report("enrollments with the password key (" + clients + " clients)", hosts, System.nanoTime() - started,
                    latencies);

            List<Long> joinTimes = new ArrayList<>();
            for (int i = 0; i < joins; i++) {
                joinTimes.add(joinUntilPublished(work, rendezvous.invite("alice", "joined" + i, "1h"), i));
            }
            Collections.sort(joinTimes);
            System.out.printf(Locale.ROOT, "--join from process start to \"Published\": median %d ms over %d runs (min %d, max %d)%n",
                    joinTimes.get(joinTimes.size() / 2), joins, joinTimes.get(0), joinTimes.get(joinTimes.size() - 1));
        }
    }

    private interface Enrollment {
        EstClient.Answer send(EstClient client, int index) throws Exception;
    }

    /**
     * Sends every enrollment on {@code clients} threads, each a client of its own with its own source address
     * (127.0.1.N): the server lets one client hold two connections at most. The latencies in nanoseconds; fails on
     * any refusal.
     */
    private static List<Long> enrollAll(EstClient est, int count, int clients, Enrollment enrollment) throws Exception {
        AtomicInteger addresses = new AtomicInteger();
        ThreadLocal<EstClient> own = ThreadLocal.withInitial(() -> {
            try {
                return est.from("127.0.1." + addresses.incrementAndGet());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    EstClient.Answer answer = enrollment.send(own.get(), index);
                    if (answer.status() != 200) {
                        throw new IllegalStateException("enrollment " + index + " answered " + answer);
                    }
                    return System.nanoTime() - t;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> result : results) {
                latencies.add(result.get(120, TimeUnit.SECONDS));
            }
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String what, int count, long nanos, List<Long> latencies) {
        double seconds = nanos / 1e9;
        String latency = "";
        if (!latencies.isEmpty()) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            latency = String.format(Locale.ROOT, "; latency median %.1f ms, p95 %.1f ms", sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.95)) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%s: %d in %.2f s = %.1f/s%s%n", what, count, seconds, count / seconds, latency);
    }

    /** Starts a fresh agent with {@code --join CODE}; milliseconds until its log says it published; stops it. */
    private static long joinUntilPublished(Path work, String code, int run) throws Exception {
        Path dir = Files.createDirectories(work.resolve("join" + run));
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "bench-joined-agent",
                  ":configurator:version": "1.0.0",
                  "io.homeward.tunnel": { "interfaceName": "" }
                }
                """);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("homeward.jar"), "--feature", "agent", "--data", dir.resolve("data").toString(), "--config",
                config.toString(), "--no-shell", "--console-port", Integer.toString(freePort()), "--join", code);
        long started = System.nanoTime();
        Process agent = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Bounds the wait below: a silent agent is killed after 120 s, which ends its output.
        Thread watchdog = new Thread(() -> {
            try {
                if (!agent.waitFor(120, TimeUnit.SECONDS)) {
                    agent.destroyForcibly();
                }
            } catch (InterruptedException e) {
                agent.destroyForcibly();
            }
        }, "join-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("Published ")) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            }
            throw new IllegalStateException("join run " + run + ": the agent did not publish within 120 s (see " + dir + ")");
        } finally {
            agent.destroy();
            if (!agent.waitFor(60, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
