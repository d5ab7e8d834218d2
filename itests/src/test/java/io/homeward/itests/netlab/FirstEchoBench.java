package io.homeward.itests.netlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first-echo benchmark, run by {@code itests/bench/first-echo.sh}: in the network lab, home behind the miniupnpd
 * gateway and the laptop in the café, both signed in with the password only (tunnels keyed on demand, the default).
 * Once both list each other, TRIES times: no SA pair on either side (the laptop's {@code homeward:ike delete home},
 * the state an idle close leaves, awaited on both sides), then one {@code ping -6 -c 1 -W 5 home.ZONE} from the
 * laptop with the agent's name server as resolver. The echo request waits in the tunnel's hold while IKE keys, so
 * ping's round trip includes the keying; the wall time from issuing the command to the answer adds the name lookup
 * and the process starts. The first try is the runtime's first IKE exchange (cold) and is summarised apart from the
 * others (warm). Anchors from the same run: the autotunnel's own "up N ms after asking" (IKE only), the echo round trip
 * through the up tunnel (ping -c 20), and a by-name ping through the up tunnel (the lookup without keying). Prints
 * figures and asserts no timing.
 */
public final class FirstEchoBench {
    private static final String USER = "alice";
    private static final String PASSWORD = "bench-correct-horse-battery";
    private static final String ZONE = LabRendezvous.zone(USER);
    private static final Pattern UP = Pattern.compile("The tunnel with home is up \\((\\d+) ms after asking\\)");
    private static final Pattern RTT = Pattern.compile("time=([0-9.]+) ms");
    private static final int ANCHOR_ECHOES = 20;

    private FirstEchoBench() {
    }

    /** One try's figures, µs; keying is -1 when the log did not say. */
    private record Try(long rttMicros, long wallMicros, long keyingMicros) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !args[1].matches("\\d+")) {
            System.err.println("usage: FirstEchoBench WORK_DIR TRIES [LAUNCHER_OPTION...]");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int tries = Integer.parseInt(args[1]);
        String[] launcher = List.of(args).subList(2, args.length).toArray(String[]::new);
        NetLab.up();
        List<Try> all = new ArrayList<>();
        List<Long> steady = new ArrayList<>();
        List<Long> lookupWall = new ArrayList<>();
        try (LabRendezvous rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
                LabHost home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD,
                        rendezvous.pin(), 5400, LabRendezvous.RESOLVER_ENTRY).launchedWith(launcher).start();
                LabHost laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD,
                        rendezvous.pin(), 5400, LabRendezvous.RESOLVER_ENTRY).launchedWith(launcher)
                        .startOnTerminal()) {
            System.out.println("# rendezvous, home and laptop are up (logs under " + work + "); waiting until both"
                    + " list each other; keying on demand");
            String homeUla = home.awaitPublished(90).ula();
            String laptopUla = laptop.awaitPublished(90).ula();
            home.awaitPeerAt("laptop", "11.0.0.3:4500", 30);
            laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
            long bothListed = System.nanoTime();
            laptop.awaitNames("UDP and TCP, on homeward0", 30);
            for (int i = 1; i <= tries; i++) {
                if (i > 1) {
                    laptop.run("homeward:ike delete home");
                }
                awaitNoPair(laptop, homeUla);
                awaitNoPair(home, laptopUla);
                int upsBefore = ups(laptop).size();
                ByNamePing ping = ByNamePing.run("hw-laptop", laptopUla, "home." + ZONE, "-c", "1", "-W", "5");
                if (!ping.answered()) {
                    throw new AssertionError("try " + i + ": no answer by name: " + ping.out() + "\n" + laptop.ike());
                }
                long keying = awaitUp(laptop, upsBefore);
                Try t = new Try(Math.round(ping.firstMillis() * 1000), Math.round(ping.wallMillis() * 1000),
                        keying);
                all.add(t);
                System.out.printf(Locale.ROOT, "try %2d%s: first echo %6.1f ms (ping), %6.1f ms wall (command to"
                        + " answer), IKE up %s after asking%s%n", i, i == 1 ? " (cold)" : "       ",
                        t.rttMicros() / 1e3, t.wallMicros() / 1e3, keying < 0 ? "?" : keying / 1000 + " ms",
                        i == 1 ? "; both hosts listed -> answered " + TimeUnit.NANOSECONDS.toMillis(
                                ping.firstAnsweredAt() - bothListed) + " ms" : "");
            }
            NetLab.Result echoes = NetLab.in("hw-laptop", "ping", "-6", "-n", "-c",
                    Integer.toString(ANCHOR_ECHOES), "-i", "0.2", homeUla);
            Matcher rtt = RTT.matcher(echoes.out());
            while (rtt.find()) {
                steady.add(Math.round(Double.parseDouble(rtt.group(1)) * 1000));
            }
            for (int i = 0; i < ANCHOR_ECHOES; i++) {
                ByNamePing up = ByNamePing.run("hw-laptop", laptopUla, "home." + ZONE, "-c", "1", "-W", "5");
                if (up.answered()) {
                    lookupWall.add(Math.round(up.wallMillis() * 1000));
                }
            }
        } finally {
            NetLab.down();
        }
        System.out.println();
        if (all.isEmpty()) {
            System.out.println("no try measured");
            return;
        }
        Try cold = all.get(0);
        System.out.printf(Locale.ROOT, "cold (the runtime's first keying): first echo %.1f ms (ping), %.1f ms wall,"
                + " IKE up %s%n", cold.rttMicros() / 1e3, cold.wallMicros() / 1e3,
                cold.keyingMicros() < 0 ? "?" : cold.keyingMicros() / 1000 + " ms");
        List<Try> warm = all.subList(1, all.size());
        summary("warm first echo, ping's round trip (goal <= 100 ms)", warm.stream().map(Try::rttMicros).toList());
        summary("warm first echo, wall time from the command", warm.stream().map(Try::wallMicros).toList());
        summary("warm IKE keying, asked -> up (autotunnel log, ms resolution)",
                warm.stream().map(Try::keyingMicros).filter(k -> k >= 0).toList());
        summary("anchor: echo round trip through the up tunnel (ping -c " + ANCHOR_ECHOES + ")", steady);
        summary("anchor: by-name ping through the up tunnel, wall time from the command", lookupWall);
    }

    private static void summary(String what, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.println(what + ": none measured");
            return;
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s, %d: median %.1f ms, p95 %.1f ms, max %.1f ms%n", what, sorted.size(),
                HandoverBench.percentile(sorted, 50) / 1e3, HandoverBench.percentile(sorted, 95) / 1e3,
                sorted.get(sorted.size() - 1) / 1e3);
    }

    /** Polls (every 0.05 s, bounded) until the host's tunnels show no SA pair with the peer. */
    private static void awaitNoPair(LabHost host, String peerUla) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String tunnels;
        do {
            tunnels = host.tunnels();
            if (!tunnels.contains("peer " + peerUla)) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(host.name + " still has an SA pair with " + peerUla + ":\n" + tunnels + host.ike());
    }

    /** The autotunnel's "up N ms after asking" figures in the host's log so far, ms. */
    private static List<Long> ups(LabHost host) throws Exception {
        List<Long> ms = new ArrayList<>();
        Matcher m = UP.matcher(host.log());
        while (m.find()) {
            ms.add(Long.parseLong(m.group(1)));
        }
        return ms;
    }

    /** The first "up" after the ones counted before, µs; -1 if none within 5 s. */
    private static long awaitUp(LabHost host, int before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        do {
            List<Long> now = ups(host);
            if (now.size() > before) {
                return now.get(before) * 1000;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return -1;
    }
}
