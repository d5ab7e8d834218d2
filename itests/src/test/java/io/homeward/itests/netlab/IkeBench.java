package io.homeward.itests.netlab;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.homeward.api.auth.TsigKey;
import io.homeward.api.identity.Eui64;
import io.homeward.kit.text.PasswordKeys;

/**
 * The IKE benchmark's fixture, run by {@code itests/bench/ike-handshakes.sh} in the lab the script brought up: the
 * rendezvous, home (hw-home, behind the miniupnpd gateway) and the laptop (hw-laptop, behind the café NAT) signed in
 * as one user, every SA keyed by IKE. It prints, in order:
 * <ol>
 * <li>IKE handshakes per second a responder at home completes for the load generator
 * ({@code io.homeward.itests.bench.IkeLoad} on the Internet side, in hw-rdv, through the home gateway's port
 * forward): first home's Homeward agent on UDP 4500, then strongSwan charon (kernel-libipsec) in the same namespace
 * on {@code charonPort}, both with ECDSA P-256 certificates of the account CA, X25519, AES-GCM, a Child SA installed
 * per handshake, cookies and blocking per source raised out of the way on both, the responder's CPU beside;</li>
 * <li>keying latency between home and the laptop: the host with the lower ULA has its IKE bundle stopped and started
 * again with no SA pair left on either side (the other host's IKE is restarted first), is asked at once to key the
 * other ({@code homeward:ike initiate}, as the autotunnel would be by a first packet), while it pings the other's ULA
 * every 10 ms;</li>
 * </ol>
 * then, with the pair keyed by IKE, the {@code pids HOME LAPTOP} and {@code inner HOME_ULA LAPTOP_ULA} lines of
 * {@code itests/bench/tunnel/ours.sh} for the throughput run, and runs until SIGTERM. Lines starting with
 * {@code row} are the summary table's: tab-separated figure, value, remark.
 */
public final class IkeBench {
    private static final String USER = "alice";
    private static final String PASSWORD = "bench-correct-horse-battery";
    private static final String LOAD_NAMESPACE = "hw-rdv";
    private static final String LOADGEN = "loadgen";
    private static final String CHARON = "charon";
    private static final String CAFE_PUBLIC = "11.0.0.3";
    /** charon's ULA (on its TUN device), outside the user's prefix so its routes touch no Homeward traffic. */
    private static final String CHARON_ULA = "fd00:4857:5:1::c";
    /** Cookies and per-source blocking out of the way of one load generator with many SAs under way. */
    private static final int HALF_OPEN = 1000;
    private static final String HOMEWARD_IKE = ("\"io.homeward.ike\": { \"halfOpenCookieThreshold\": %d,"
            + " \"halfOpenPerSource\": %d }").formatted(HALF_OPEN, HALF_OPEN);
    private static final String CHARON_SETTINGS = "cookie_threshold = %d\ncookie_threshold_ip = %d\nblock_threshold = %d"
            .formatted(HALF_OPEN, HALF_OPEN, HALF_OPEN);
    private static final Pattern FIGURES = Pattern.compile(
            "^figures (\\d+) (\\d+) (\\d+) ([0-9.]+) (\\d+) (\\d+) (.+)$", Pattern.MULTILINE);
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)\\] \\d+ bytes from", Pattern.MULTILINE);

    /** What one load run counted. */
    private record Rate(String responder, long withChild, long withoutChild, long failed, double seconds,
            long responderCpuNanos, long generatorCpuNanos, String algorithms) {
        double perSecond() {
            return (withChild + withoutChild) / seconds;
        }

        double responderCpuPercent() {
            return responderCpuNanos / 1e7 / seconds;
        }

        double perCpuSecond() {
            return responderCpuNanos == 0 ? 0 : (withChild + withoutChild) / (responderCpuNanos / 1e9);
        }
    }

    private IkeBench() {
    }

    /** Arguments: charon's IKE port, load loops, window per loop, warm-up s, counted s, keying repetitions. */
    public static void main(String[] args) throws Exception {
        int charonPort = Integer.parseInt(args[0]);
        String[] load = Arrays.copyOfRange(args, 1, 5);
        int repeats = Integer.parseInt(args[5]);
        SecureRandom random = new SecureRandom();
        Path work = Files.createTempDirectory("homeward-ike-bench");
        // What runs is stopped on SIGTERM (or when this fixture fails), the last started first.
        Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable next = running.pollLast(); next != null; next = running.pollLast()) {
                try {
                    next.close();
                } catch (Exception e) {
                    System.err.println("ike-bench: stopping " + next + " failed: " + e);
                }
            }
            stopped.countDown();
        }));
        LabRendezvous rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        running.add(rendezvous);
        TsigKey masterKey = PasswordKeys.derive(LabRendezvous.zone(USER), PASSWORD.toCharArray());
        String est = LabRendezvous.ADDRESS + ":" + LabRendezvous.EST_PORT;
        LabCharon.Credentials generator = LabCharon.enrollWith(LOAD_NAMESPACE, est, rendezvous.pin(), LOADGEN,
                masterKey, work.resolve("credentials"));
        LabCharon.Credentials charonCredentials = LabCharon.enrollWith("hw-home", est, rendezvous.pin(), CHARON,
                masterKey, work.resolve("credentials"));
        LabHost home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400,
                HOMEWARD_IKE);
        running.add(home);
        home.startOnTerminal();
        LabHost laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD,
                rendezvous.pin(), 5400);
        running.add(laptop);
        laptop.startOnTerminal();
        String homeUla = home.awaitPublished(90).ula();
        String laptopUla = laptop.awaitPublished(90).ula();
        home.awaitPeerAt("laptop", CAFE_PUBLIC + ":4500", 60);
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 60);

        // The load generator is a host of the user on the Internet, so home keys a Child SA with it as charon does.
        Eui64 eui64 = Eui64.random(random);
        String generatorUla = LabCharon.ulaBeside(homeUla, eui64);
        LabCharon.publish(new LabCharon.Peer(fqdn(LOADGEN), LabRendezvous.ADDRESS, generatorUla), eui64, masterKey,
                LabRendezvous.DNS, LOAD_NAMESPACE, work);
        home.awaitPeerAt(LOADGEN, LabRendezvous.ADDRESS + ":" + LabCharon.NAT_T_PORT, 60);

        System.out.println("# 1. IKE_SA_INIT + IKE_AUTH handshakes/s, load generator in " + LOAD_NAMESPACE
                + " -> home gateway's forward -> responder in hw-home (" + String.join(" ", load) + ": loops, window,"
                + " warm-up s, counted s); load " + loadAverage());
        Rate homeward = load("homeward", home.pid(), NetLab.HOME_WAN + ":" + LabCharon.NAT_T_PORT, fqdn("home"),
                homeUla, generator, generatorUla, load, work);
        Rate charon;
        try (LabCharon responder = LabCharon.start("hw-home", work.resolve("charon"), fqdn(CHARON), CHARON_ULA,
                charonCredentials, charonPort, "", CHARON_SETTINGS)) {
            running.add(responder);
            responder.connect(new LabCharon.Peer(fqdn(LOADGEN), LabRendezvous.ADDRESS, generatorUla), LabCharon.AES_GCM);
            charon = load("charon", responder.pid(), NetLab.HOME_WAN + ":" + charonPort, fqdn(CHARON), CHARON_ULA,
                    generator, generatorUla, load, work);
            running.remove(responder);
        }
        double ratio = charon.perSecond() == 0 ? 0 : homeward.perSecond() / charon.perSecond();
        double cpuRatio = charon.perCpuSecond() == 0 ? 0 : homeward.perCpuSecond() / charon.perCpuSecond();
        System.out.printf(Locale.ROOT, "homeward / charon: %.2fx handshakes/s (goal >= 2x: %s), %.2fx handshakes per"
                + " responder CPU-second%n", ratio, ratio >= 2 ? "met" : "NOT met", cpuRatio);
        row("handshakes/s homeward / charon", "%.2fx".formatted(ratio), "goal >= 2x: " + (ratio >= 2 ? "met" : "NOT met"));
        row("handshakes per responder CPU-s, homeward / charon", "%.2fx".formatted(cpuRatio), "");

        keyingLatency(home, laptop, homeUla, laptopUla, repeats, running, work);

        System.out.println("pids " + home.pid() + " " + laptop.pid());
        System.out.println("inner " + homeUla + " " + laptopUla);
        System.out.flush();
        stopped.await();
    }

    /** One run of the load generator in its namespace against a responder; prints and returns what it counted. */
    private static Rate load(String name, long responderPid, String target, String responderFqdn, String responderUla,
            LabCharon.Credentials generator, String generatorUla, String[] load, Path work)
            throws IOException, InterruptedException {
        Path out = work.resolve("load-" + name + ".out");
        Path err = work.resolve("load-" + name + ".err");
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", LOAD_NAMESPACE,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "io.homeward.itests.bench.IkeLoad", "--target", target,
                "--peer", responderFqdn, "--peer-ula", responderUla, "--id", fqdn(LOADGEN), "--ula", generatorUla,
                "--key", generator.key().toString(), "--cert", generator.certificate().toString(), "--ca",
                generator.caCertificates().toString(), "--responder-pid", Long.toString(responderPid), "--loops",
                load[0], "--window", load[1], "--warmup", load[2], "--seconds", load[3]));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long limit = Long.parseLong(load[2]) + Long.parseLong(load[3]) + 60;
        if (!process.waitFor(limit, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the load generator against " + name + " did not finish within " + limit + " s: "
                    + Files.readString(err));
        }
        Matcher m = FIGURES.matcher(Files.readString(out));
        if (process.exitValue() != 0 || !m.find()) {
            throw new AssertionError("the load generator against " + name + " failed (exit " + process.exitValue()
                    + "): " + Files.readString(out) + Files.readString(err));
        }
        Rate rate = new Rate(name, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), m.group(7));
        System.out.printf(Locale.ROOT, "%-9s %7.1f handshakes/s (%d in %.1f s: %d with a Child SA, %d without, %d"
                + " failed)  responder cpu %3.0f%% (%.0f handshakes per CPU-s)  generator cpu %3.0f%%  %s%n", name,
                rate.perSecond(), rate.withChild() + rate.withoutChild(), rate.seconds(), rate.withChild(),
                rate.withoutChild(), rate.failed(), rate.responderCpuPercent(), rate.perCpuSecond(),
                rate.generatorCpuNanos() / 1e7 / rate.seconds(), rate.algorithms());
        String errors = Files.readString(err).strip();
        if (!errors.isEmpty()) {
            System.out.println("# " + name + " load generator said: " + errors.lines().limit(5).toList());
        }
        row("handshakes/s, " + name + " responder", "%.1f".formatted(rate.perSecond()),
                "cpu %.0f%%, %d failed".formatted(rate.responderCpuPercent(), rate.failed()));
        return rate;
    }

    /**
     * Stops IKE on both hosts (the higher ULA first), starts the higher one's again (it only answers), then the lower
     * one's, asked at once to key the other, while that host pings the other's ULA every 10 ms; when home initiates,
     * the café NAT first
     * forgets its mappings ({@link NetLab#forgetCafeMappings()}). Times, per repetition, from the
     * initiator's namespace: IKE_SA_INIT request on the wire -> IKE_AUTH response on the wire (tshark; the initiator
     * installs its Child SA as it takes that response, the responder did before it sent it); IKE_SA_INIT request ->
     * first echo reply (ping's receive time stamp, at most 10 ms late); IKE bundle start requested -> first echo
     * reply (the whole restart: the bundle, its component, sign-in state, the peer directory's news, the shell's
     * {@code homeward:ike initiate}, then IKE).
     */
    private static void keyingLatency(LabHost home, LabHost laptop, String homeUla, String laptopUla, int repeats,
            Deque<AutoCloseable> running, Path work) throws Exception {
        boolean homeLower = Arrays.compareUnsigned(InetAddress.getByName(homeUla).getAddress(),
                InetAddress.getByName(laptopUla).getAddress()) < 0;
        LabHost initiator = homeLower ? home : laptop;
        LabHost other = homeLower ? laptop : home;
        String target = homeLower ? laptopUla : homeUla;
        // The other host's public address as the initiator's packets reach it: the café NAT's, or home's gateway's.
        String otherPublic = homeLower ? CAFE_PUBLIC : NetLab.HOME_WAN;
        laptop.initiateIke("home", 60);
        awaitKeyed(home, "laptop");
        awaitKeyed(laptop, "home");
        System.out.println("# 2. keying " + initiator.name + " (lower ULA, asked to initiate) -> " + other.name
                + ", no SA pair on either side; " + repeats + " repetitions; ping every 10 ms; load " + loadAverage());
        List<Long> toAuth = new ArrayList<>();
        List<Long> toReply = new ArrayList<>();
        List<Long> startToReply = new ArrayList<>();
        try (IkeCapture capture = IkeCapture.start(initiator.namespace, otherPublic, work)) {
            running.add(capture);
            for (int i = 1; i <= repeats; i++) {
                if (homeLower) {
                    NetLab.forgetCafeMappings();
                }
                other.console().bundle("io.homeward.ike", "stop", LabConsole.RESOLVED);
                initiator.console().bundle("io.homeward.ike", "stop", LabConsole.RESOLVED);
                other.console().bundle("io.homeward.ike", "start", LabConsole.ACTIVE);
                Path pingOut = Files.createTempFile(work, "ping", ".out");
                Process ping = new ProcessBuilder("ip", "netns", "exec", initiator.namespace, "ping", "-6", "-n", "-D",
                        "-i", "0.01", "-w", "30", target).redirectErrorStream(true).redirectOutput(pingOut.toFile())
                        .start();
                try {
                    long started = System.currentTimeMillis() * 1000;
                    initiator.console().bundle("io.homeward.ike", "start", LabConsole.ACTIVE);
                    initiator.initiateIke(other.name, 30);
                    long reply = firstReply(pingOut, 30);
                    long[] wire = handshakeOnTheWire(capture, started, reply);
                    toAuth.add(millis(wire[1] - wire[0]));
                    toReply.add(millis(reply - wire[0]));
                    startToReply.add(millis(reply - started));
                    System.out.printf(Locale.ROOT, "  %2d: IKE_SA_INIT -> IKE_AUTH response %5.1f ms, -> first echo"
                            + " reply %5.1f ms; IKE start -> first echo reply %4d ms%n", i, (wire[1] - wire[0]) / 1e3,
                            (reply - wire[0]) / 1e3, millis(reply - started));
                } finally {
                    ping.destroy();
                    ping.waitFor(5, TimeUnit.SECONDS);
                }
            }
            running.remove(capture);
        }
        summarize("IKE_SA_INIT sent -> IKE_AUTH response (wire)", toAuth);
        summarize("IKE_SA_INIT sent -> first echo reply", toReply);
        summarize("IKE bundle start -> first echo reply", startToReply);
    }

    private static void summarize(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = HandoverBench.percentile(sorted, 50);
        long p95 = HandoverBench.percentile(sorted, 95);
        System.out.printf(Locale.ROOT, "%s: median %d ms, p95 %d ms (%d runs)%n", what, median, p95, sorted.size());
        row(what, "median %d ms, p95 %d ms".formatted(median, p95), sorted.size() + " runs");
    }

    /** The receive time (epoch µs) of ping's first echo reply; bounded. */
    private static long firstReply(Path pingOut, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            Matcher m = REPLY.matcher(Files.readString(pingOut, StandardCharsets.UTF_8));
            if (m.find()) {
                return new BigDecimal(m.group(1)).movePointRight(6).longValue();
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no echo reply within " + seconds + " s: " + Files.readString(pingOut));
    }

    /**
     * The wire times (epoch µs) of the first IKE_SA_INIT request after {@code from} and of the IKE_AUTH response
     * before the first echo reply; bounded, since tshark prints a little after the fact.
     */
    private static long[] handshakeOnTheWire(IkeCapture capture, long from, long reply) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        do {
            Optional<Long> request = capture.requestAfter(from);
            Optional<Long> response = request.flatMap(sent -> capture.responseBetween(sent, reply));
            if (response.isPresent()) {
                return new long[] {request.get(), response.get()};
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("tshark saw no IKE_SA_INIT request and IKE_AUTH response before the first echo reply");
    }

    /** Microseconds to whole milliseconds, rounded. */
    private static long millis(long micros) {
        return Math.round(micros / 1e3);
    }

    private static void awaitKeyed(LabHost host, String peer) throws Exception {
        Pattern keyed = Pattern.compile("(?m)^  " + Pattern.quote(peer) + " .*SA pair keyed by IKE$");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String status;
        do {
            status = host.ike();
            if (keyed.matcher(status).find()) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(host.name + " did not key " + peer + " by IKE within 60 s:\n" + status);
    }

    /** The 1, 5 and 15 minute load averages: the machine's cores are shared with everything else that runs. */
    private static String loadAverage() throws IOException {
        return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private static void row(String figure, String value, String remark) {
        System.out.println("row\t" + figure + "\t" + value + "\t" + remark);
    }

    private static String fqdn(String host) {
        String zone = LabRendezvous.zone(USER);
        return host + "." + zone.substring(0, zone.length() - 1);
    }
}
