package io.homeward.itests.netlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The handover benchmark, run by {@code itests/bench/handover.sh}: in the network lab, home behind the miniupnpd
 * gateway and the laptop in the café hold an SA pair keyed by hand, an interactive TCP session runs between them
 * through the tunnel ({@link StallStream}: a 64-byte message every 10 ms, echoed) beside a 20-per-second ping, and
 * the laptop moves café → train → café N times (new address, new NAT each time); with {@code --home-wan} home's
 * public address changes after each move as well. For every move it prints how long the TCP session stalled (the
 * longest time without an echo), how many pings were lost, and when the other host's peer directory held the new
 * endpoint; then the median and p95 of each. It prints figures and asserts no timing.
 */
public final class HandoverBench {
    private static final String USER = "alice";
    private static final String PASSWORD = "bench-correct-horse-battery";
    private static final int SPI_TO_HOME = 0x1000c001;
    private static final int SPI_TO_LAPTOP = 0x1000d001;
    private static final int STREAM_PORT = 5601;
    private static final int STREAM_INTERVAL_MILLIS = 10;
    private static final int PINGS_PER_SECOND = 20;
    /** After a move the session counts as recovered once echoes came this long without a gap over 100 ms. */
    private static final long RECOVERED_MILLIS = 1000;
    private static final List<String> HOME_WANS = List.of("11.0.0.12", NetLab.HOME_WAN);

    private HandoverBench() {
    }

    /** How long the benchmark waits for a directory to follow a move. */
    private static final int DIRECTORY_WAIT_SECONDS = 30;

    /**
     * One move's figures; the directory's time is empty when it did not follow within the wait, or when it listed the
     * endpoint already (an earlier change had not reached it, so this one is no handover).
     */
    record Handover(String what, long stallMillis, int pingsLost, Optional<Long> directoryMillis) {
    }

    public static void main(String[] args) throws Exception {
        int moves = 20;
        boolean homeWan = false;
        for (String arg : args) {
            if (arg.equals("--home-wan")) {
                homeWan = true;
            } else if (arg.matches("\\d+")) {
                moves = Integer.parseInt(arg);
            } else {
                System.err.println("usage: HandoverBench [MOVES] [--home-wan]");
                System.exit(2);
            }
        }
        NetLab.up();
        Path work = Files.createTempDirectory("homeward-handover");
        byte[] toHome = new byte[20];
        byte[] toLaptop = new byte[20];
        SecureRandom random = new SecureRandom();
        random.nextBytes(toHome);
        random.nextBytes(toLaptop);
        List<Handover> laptopMoves = new ArrayList<>();
        List<Handover> wanChanges = new ArrayList<>();
        try (LabRendezvous rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
                LabHost home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD,
                        rendezvous.pin(), 5400, LabHost.manualSa("laptop", SPI_TO_HOME, SPI_TO_LAPTOP, "aes-gcm-16",
                                toHome, toLaptop)).start();
                LabHost laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD,
                        rendezvous.pin(), 5400, LabHost.manualSa("home", SPI_TO_LAPTOP, SPI_TO_HOME, "aes-gcm-16",
                                toLaptop, toHome)).start()) {
            System.out.println("rendezvous, home and laptop are up (logs under " + work + "); waiting for both to"
                    + " publish; the SA pair is keyed by hand");
            String homeUla = home.awaitPublished(90).ula();
            laptop.awaitPublished(90);
            home.awaitPeerAt("laptop", "11.0.0.3:4500", 30);
            laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
            if (!NetLab.ping("hw-laptop", homeUla)) {
                throw new AssertionError("no echo through the tunnel before the first move: " + laptop.tunnels());
            }
            long seconds = moves * (homeWan ? 40L : 20L) + 60;
            try (StallStream stream = StallStream.start("hw-home", "hw-laptop", homeUla, STREAM_PORT,
                    STREAM_INTERVAL_MILLIS, seconds);
                    PingLoss ping = PingLoss.start("hw-laptop", homeUla, PINGS_PER_SECOND)) {
                awaitFlowing(stream, System.currentTimeMillis());
                for (int i = 1; i <= moves && stream.broken() == null; i++) {
                    String network = i % 2 == 1 ? "train" : "cafe";
                    String endpoint = i % 2 == 1 ? "11.0.0.5:4500" : "11.0.0.3:4500";
                    laptopMoves.add(measure(stream, ping, "move " + i + " to the " + network,
                            () -> NetLab.script("move-laptop", network), home, "laptop", endpoint));
                    if (homeWan && stream.broken() == null) {
                        String wan = HOME_WANS.get((i - 1) % 2);
                        wanChanges.add(measure(stream, ping, "home's WAN address " + wan,
                                () -> NetLab.script("set-home-wan", wan), laptop, "home", wan + ":4500"));
                    }
                }
                if (stream.broken() != null) {
                    System.out.println("the TCP session broke: " + stream.broken());
                }
            }
        } finally {
            NetLab.down();
        }
        summary("laptop moves café ⇄ train", laptopMoves);
        if (homeWan) {
            summary("home's WAN address changes", wanChanges);
        }
    }

    interface Change {
        NetLab.Result make() throws Exception;
    }

    /**
     * Makes the change and measures it: the longest stall of the session from the change until it flows again, the
     * pings lost meanwhile, and when the observer's directory listed the peer at the new endpoint; prints one line.
     */
    static Handover measure(StallStream stream, PingLoss ping, String what, Change change, LabHost observer,
            String peer, String endpoint) throws Exception {
        long at = System.currentTimeMillis();
        NetLab.Result done = change.make();
        if (done.exit() != 0) {
            throw new AssertionError(what + " failed: " + done.out());
        }
        Optional<Long> directory;
        String followed;
        try {
            long changed = observer.awaitPeerAt(peer, endpoint, DIRECTORY_WAIT_SECONDS).changed().toEpochMilli();
            directory = changed >= at ? Optional.of(changed - at) : Optional.empty();
            followed = changed >= at ? "after " + (changed - at) + " ms" : "already (an earlier change never reached it)";
        } catch (AssertionError e) {
            directory = Optional.empty();
            followed = "not within " + DIRECTORY_WAIT_SECONDS + " s";
        }
        awaitFlowing(stream, at);
        long now = System.currentTimeMillis();
        Handover h = new Handover(what, stream.longestGap(at, now), ping.lostBetween(at, now), directory);
        System.out.printf(Locale.ROOT, "%-28s TCP stalled %5d ms, %2d pings lost, %s's directory has %s %s%n", what,
                h.stallMillis(), h.pingsLost(), observer.name, endpoint, followed);
        Thread.sleep(500);
        return h;
    }

    /** Waits (at most 30 s) until the session is flowing again after the time; returns at once if it broke. */
    static void awaitFlowing(StallStream stream, long sinceMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!stream.flowing(sinceMillis, RECOVERED_MILLIS, 100) && stream.broken() == null
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void summary(String what, List<Handover> all) {
        if (all.isEmpty()) {
            System.out.println(what + ": none measured");
            return;
        }
        List<Long> stalls = all.stream().map(Handover::stallMillis).sorted().toList();
        List<Long> lost = all.stream().map(h -> (long) h.pingsLost()).sorted().toList();
        // A directory that did not follow, or already held the endpoint because the change before never reached it,
        // counts as longer than the wait.
        List<Long> directory = all.stream().map(h -> h.directoryMillis().orElse(Long.MAX_VALUE)).sorted().toList();
        System.out.printf(Locale.ROOT, "%s, %d times: TCP session stalled median %d ms, p95 %d ms, max %d ms"
                + " (goal p95 <= 1000 ms); %d-per-second ping lost median %d, p95 %d, max %d; the peer directory held"
                + " the new endpoint after median %s, p95 %s, max %s%n", what, all.size(), percentile(stalls, 50),
                percentile(stalls, 95), last(stalls), PINGS_PER_SECOND, percentile(lost, 50), percentile(lost, 95),
                last(lost), millis(percentile(directory, 50)), millis(percentile(directory, 95)), millis(last(directory)));
    }

    private static String millis(long ms) {
        return ms == Long.MAX_VALUE ? "> " + DIRECTORY_WAIT_SECONDS + " s" : ms + " ms";
    }

    private static long last(List<Long> sorted) {
        return sorted.get(sorted.size() - 1);
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
