package io.homeward.itests.netlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 6's handover benchmark, run by {@code itests/bench/handover.sh}: in the network lab, the laptop moves
 * between the café and the train N times (new address, new NAT each time); each handover is the time from
 * the move to the moment home's peer directory holds the laptop's new public endpoint (the directory's own
 * change time, read from its console). Prints every move, then p50 and p95.
 */
public final class HandoverBench {
    private static final String USER = "alice";
    private static final String PASSWORD = "bench-correct-horse-battery";

    private HandoverBench() {
    }

    public static void main(String[] args) throws Exception {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        NetLab.up();
        Path work = Files.createTempDirectory("homeward-handover");
        List<Long> millis = new ArrayList<>();
        try (LabRendezvous rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
                LabHost home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD,
                        rendezvous.pin(), 5400).start();
                LabHost laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD,
                        rendezvous.pin(), 5400).start()) {
            System.out.println("rendezvous, home and laptop are up; waiting for both to publish");
            home.awaitPublished(90);
            laptop.awaitPublished(90);
            home.awaitPeerAt("laptop", "11.0.0.3:4500", 30);
            for (int i = 1; i <= moves; i++) {
                String network = i % 2 == 1 ? "train" : "cafe";
                String endpoint = i % 2 == 1 ? "11.0.0.5:4500" : "11.0.0.3:4500";
                Instant movedAt = Instant.now();
                NetLab.Result moved = NetLab.script("move-laptop", network);
                if (moved.exit() != 0) {
                    throw new AssertionError("move-laptop " + network + " failed: " + moved.out());
                }
                LabHost.Listed seen = home.awaitPeerAt("laptop", endpoint, 30);
                long ms = Duration.between(movedAt, seen.changed()).toMillis();
                millis.add(ms);
                System.out.printf(Locale.ROOT, "move %2d to the %-5s -> home sees %s after %4d ms (%s)%n", i, network,
                        endpoint, ms, seen.source());
                Thread.sleep(1000);
            }
        } finally {
            NetLab.down();
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "handover over %d moves: p50 %d ms, p95 %d ms, max %d ms (target p95 <= 1000 ms)%n",
                sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
