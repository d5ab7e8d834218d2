package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Zero-configuration tunnels in the network lab: home behind the miniupnpd gateway and the laptop in the café, both
 * signed in with the password only, no key and no peer in any configuration. Names resolve through each agent's own
 * name server (itests/netlab/by-name.sh sets it as the system resolver, as {@code homeward:names} tells a host without
 * systemd-resolved), and the first packet to a peer keys its tunnel on demand: the first echo is answered although no
 * SA existed. Idle tunnels close and come back with the next packet; a third host (itests/netlab/office.sh, a public
 * address) is reachable by name once it signs in, and loses its SAs when it signs out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutotunnelLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String ZONE = LabRendezvous.zone(USER);
    private static final int IDLE_SECONDS = 30;
    private static final String CONFIG = "\"io.homeward.resolver\": { \"rendezvousServer\": \"" + LabRendezvous.DNS
            + "\" },\n  \"io.homeward.autotunnel\": { \"idleSeconds\": " + IDLE_SECONDS + " }";
    private static final Path BY_NAME = NetLab.file("by-name.sh");
    private static final Path OFFICE = NetLab.file("office.sh");
    private static final Pattern PONG = Pattern.compile(
            "pong from home \\(([0-9a-f:]+)\\) via 11\\.0\\.0\\.2:4500 \\(direct, endpoint learned by (\\S+)\\) in "
                    + "([0-9.]+) ms");

    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static LabHost office;
    private static String homeUla;
    private static String laptopUla;
    private static long bothListedAt;

    @BeforeAll
    static void twoHostsSignedInWithPasswordsOnly() throws Exception {
        NetLab.up();
        work = Files.createTempDirectory("homeward-autotunnel");
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400,
                CONFIG).start();
        laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD, rendezvous.pin(),
                5400, CONFIG).startOnTerminal();
        homeUla = home.awaitPublished(90).ula();
        laptopUla = laptop.awaitPublished(90).ula();
        home.awaitPeerAt("laptop", "11.0.0.3:4500", 30);
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
        bothListedAt = System.nanoTime();
        laptop.awaitNames("UDP and TCP, on homeward0", 30);
        home.awaitNames("UDP and TCP, on homeward0", 30);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            NetLab.down(office, laptop, home, rendezvous);
        } finally {
            officeNetwork("down");
        }
    }

    @Test
    @Order(1)
    void theFirstEchoToHomeByNameIsAnsweredThoughNoSaExisted() throws Exception {
        assertFalse(laptop.tunnels().contains("peer " + homeUla), "no SA pair before the first packet: "
                + laptop.tunnels());
        assertFalse(home.tunnels().contains("peer " + laptopUla), home.tunnels());

        ByNamePing echoes = pingByName("hw-laptop", laptopUla, "home." + ZONE, 3);

        assertTrue(echoes.out().contains("3 packets transmitted, 3 received"), echoes.out() + laptop.ike() + home.ike());
        assertEquals(1, echoes.firstSeq(), "the first echo is answered: " + echoes.out());
        assertTrue(echoes.out().contains("(" + homeUla + ")") || echoes.out().contains(" " + homeUla + " "),
                "the name resolved to home's ULA: " + echoes.out());
        assertTrue(laptop.log().contains("Keying the tunnel with home (" + homeUla + ") on demand"), laptop.log());
        System.out.printf(Locale.ROOT, "autotunnel: first echo by name answered in %.1f ms (keying on demand and the"
                + " held packet); %d ms from both hosts listed to that answer%n", echoes.firstMillis(),
                TimeUnit.NANOSECONDS.toMillis(echoes.firstAnsweredAt() - bothListedAt));
    }

    @Test
    @Order(2)
    void homewardPingAnswersWithTheRoundTripAndReachShowsTheTunnel() throws Exception {
        String answer = String.join("\n", laptop.run("homeward:ping -c 2 home"));

        Matcher pong = PONG.matcher(answer);
        assertTrue(pong.find(), answer + "\n" + laptop.ike());
        assertEquals(homeUla, pong.group(1));
        System.out.printf(Locale.ROOT, "homeward:ping home: %s%n", pong.group());
        String reach = String.join("\n", laptop.run("homeward:reach"));
        assertTrue(reach.contains("home (" + homeUla + "): tunnel up since"), reach);
        assertTrue(reach.contains("at " + NetLab.HOME_WAN + ":4500, learned by"), reach);
        assertTrue(reach.contains("Reachability: this host at 11.0.0.3:4500"), reach);
        String json = laptop.console().get("/homeward-reachability.json");
        assertTrue(json.contains("\"host\":\"home\",\"ula\":\"" + homeUla + "\",\"state\":\"UP\""), json);
        assertTrue(json.contains("\"idleSeconds\":" + IDLE_SECONDS), json);
        String page = laptop.console().get("/homeward-reachability");
        assertTrue(page.contains("<button type=\"submit\">Ping home</button>"), page);
    }

    @Test
    @Order(3)
    void aTcpTransferByNameGoesThrough() throws Exception {
        try (IperfServer server = IperfServer.start("hw-home", homeUla)) {
            NetLab.Result client = NetLab.in("hw-laptop", "bash", BY_NAME.toString(), laptopUla, "iperf3", "-6", "-c",
                    "home." + ZONE, "-t", "3", "-J");
            assertEquals(0, client.exit(), client.out());
            List<Long> perSecond = DataPlaneLabTest.intervalBytes(client.out());
            assertTrue(perSecond.size() >= 3 && perSecond.stream().allMatch(b -> b > 0), perSecond.toString());
            System.out.printf(Locale.ROOT, "autotunnel: iperf3 by name, bytes per second %s%n", perSecond);
        }
    }

    @Test
    @Order(4)
    void anIdleTunnelClosesAndTheNextPingKeysItAgain() throws Exception {
        long quietFrom = System.nanoTime();
        awaitGone(laptop, homeUla, IDLE_SECONDS + 30);
        long closedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quietFrom);
        String logs = laptop.log() + home.log();
        assertTrue(logs.contains("no packet in or out for " + IDLE_SECONDS + " s"), "closed for idleness: " + logs);
        assertFalse(home.tunnels().contains("peer " + laptopUla), "home's pair went too: " + home.tunnels());

        ByNamePing echoes = pingByName("hw-laptop", laptopUla, "home." + ZONE, 3);

        assertEquals(1, echoes.firstSeq(), echoes.out() + laptop.ike());
        assertTrue(echoes.out().contains("3 packets transmitted, 3 received"), echoes.out());
        System.out.printf(Locale.ROOT, "autotunnel: idle tunnel closed %d ms after the last transfer (idle time %d s,"
                + " sampled every 5 s); keyed again by the next echo, answered in %.1f ms%n", closedMs, IDLE_SECONDS,
                echoes.firstMillis());
    }

    @Test
    @Order(5)
    void aThirdHostSigningInLaterIsReachableByNameFromBoth() throws Exception {
        officeNetwork("up");
        office = LabHost.configure("office", "hw-office", work.resolve("office"), USER, PASSWORD, rendezvous.pin(),
                5400, CONFIG).startOnTerminal();
        LabHost.Published published = office.awaitPublished(90);
        laptop.awaitPeerAt("office", "11.0.0.20:4500", 30);
        home.awaitPeerAt("office", "11.0.0.20:4500", 30);

        ByNamePing fromLaptop = pingByName("hw-laptop", laptopUla, "office." + ZONE, 3);
        Duration afterPublishing = Duration.between(published.at(), Instant.now());
        ByNamePing fromHome = pingByName("hw-home", homeUla, "office." + ZONE, 3);

        assertEquals(1, fromLaptop.firstSeq(), fromLaptop.out() + laptop.ike());
        assertEquals(1, fromHome.firstSeq(), fromHome.out() + home.ike());
        assertTrue(fromLaptop.out().contains(published.ula()), fromLaptop.out());
        System.out.printf(Locale.ROOT, "autotunnel: office answered the laptop by name %d ms after it published"
                + " (first echo %.1f ms), and home (first echo %.1f ms)%n", afterPublishing.toMillis(),
                fromLaptop.firstMillis(), fromHome.firstMillis());
    }

    @Test
    @Order(6)
    void aHostThatSignsOutLosesItsSas() throws Exception {
        String officeUla = office.awaitPublished(5).ula();
        assertTrue(laptop.tunnels().contains("peer " + officeUla), laptop.tunnels());

        String answer = String.join("\n", office.run("homeward:signout"));

        assertTrue(answer.contains("Signed out"), answer);
        awaitGone(laptop, officeUla, 30);
        awaitGone(home, officeUla, 30);
        assertFalse(office.tunnels().contains("peer " + laptopUla), office.tunnels());
        NetLab.Result unreachable = NetLab.in("hw-laptop", "ping", "-6", "-c", "1", "-W", "3", officeUla);
        assertNotEquals(0, unreachable.exit(), unreachable.out());
        awaitGone(laptop, officeUla, 5);
    }

    /** Polls (bounded) until the host's tunnels show no SA pair with the peer. */
    private static void awaitGone(LabHost host, String peerUla, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String tunnels;
        do {
            tunnels = host.tunnels();
            if (!tunnels.contains("peer " + peerUla)) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(host.name + " still has an SA pair with " + peerUla + " after " + seconds + " s:\n"
                + tunnels + host.ike());
    }

    private static void officeNetwork(String action) throws Exception {
        Process p = new ProcessBuilder("bash", OFFICE.toString(), action).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "office.sh " + action + " did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "office.sh " + action + ": " + out);
    }

    /** {@code ping -6 -c N -w 15 NAME}: N answers or 15 s, so a lost echo shows as more than N sent. */
    private static ByNamePing pingByName(String namespace, String nameServer, String name, int count)
            throws Exception {
        return ByNamePing.run(namespace, nameServer, name, "-c", Integer.toString(count), "-i", "0.2", "-w", "15");
    }
}
