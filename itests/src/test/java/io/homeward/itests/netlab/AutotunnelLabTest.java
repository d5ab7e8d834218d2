package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.homeward.itests.LabDirectory;

/**
 * Zero-configuration tunnels in the network lab: home behind the miniupnpd gateway and the laptop in the café, both
 * signed in with the password only, no key and no peer in any configuration. Names resolve through each agent's own
 * name server (itests/netlab/by-name.sh sets it as the system resolver, as {@code homeward:names} tells a host without
 * systemd-resolved), and the first packet to a peer keys its tunnel on demand: the first echo is answered although no
 * SA existed. {@code curl} by name reaches a web server on home's ULA, and an interactive TCP session by name stays up
 * while the laptop moves café → train → café and home's public address changes. Idle tunnels close and come back with
 * the next packet; a third host (itests/netlab/office.sh, a public address) is reachable by name once it signs in, and
 * loses its SAs when it signs out. At the end no host's configuration names a key or another host.
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
    private static final int WEB_PORT = 8000;
    private static final int STREAM_PORT = 5602;
    private static final int STREAM_INTERVAL_MILLIS = 10;
    private static final int PINGS_PER_SECOND = 20;
    /** A session that does not flow again within this after a move counts as broken (timings are printed, not goals). */
    private static final long STALL_BOUND_MILLIS = 30_000;
    private static final String TRAIN_ENDPOINT = "11.0.0.5:4500";
    private static final String CAFE_ENDPOINT = "11.0.0.3:4500";
    private static final String NEW_HOME_WAN = "11.0.0.12";
    /** Every host of the lab, so that no configuration names another. */
    private static final List<String> HOSTS = List.of("home", "laptop", "office");
    /** A configuration property whose name says it holds a key (inboundKey, outboundKey, privateKey, ...). */
    private static final Pattern KEY_PROPERTY = Pattern.compile("\"[^\"]*key[^\"]*\"\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern PONG = Pattern.compile(
            "pong from home \\(([0-9a-f:]+)\\) via 11\\.0\\.0\\.2:4500 \\(direct, endpoint learned by (\\S+)\\) in "
                    + "([0-9.]+) ms");

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-autotunnel");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static LabHost office;
    private static String homeUla;
    private static String laptopUla;
    private static String officeUla;
    private static long bothListedAt;

    @BeforeAll
    static void twoHostsSignedInWithPasswordsOnly() throws Exception {
        NetLab.up();
        work = WORK.path();
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400,
                CONFIG);
        laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD, rendezvous.pin(),
                5400, CONFIG);
        LabHost.startTogether(home::start, laptop::startOnTerminal);
        homeUla = home.awaitPublished(90).ula();
        laptopUla = laptop.awaitPublished(90).ula();
        home.awaitPeerAt("laptop", CAFE_ENDPOINT, 30);
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
        String json = laptop.console().get("/homeward-network/reachability.json");
        assertTrue(json.contains("\"host\":\"home\",\"ula\":\"" + homeUla + "\",\"state\":\"UP\""), json);
        assertTrue(json.contains("\"idleSeconds\":" + IDLE_SECONDS), json);
        String page = laptop.console().get("/homeward-network/reachability");
        assertTrue(page.contains("<td data-label=\"Host\">home</td>") && page.contains("tunnel up since"), page);
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
    void curlByNameFetchesAFileFromAWebServerOnHomesUla() throws Exception {
        Path site = Files.createDirectories(work.resolve("site"));
        String content = "served from home's ULA " + homeUla + " at " + Instant.now() + "\n";
        Files.writeString(site.resolve("hello.txt"), content);
        try (WebServer server = WebServer.start("hw-home", homeUla, WEB_PORT, site)) {
            long start = System.nanoTime();
            NetLab.Result got = NetLab.in("hw-laptop", "bash", BY_NAME.toString(), laptopUla, "curl", "-sS", "-g", "-6",
                    "--max-time", "10", "http://home." + ZONE + ":" + WEB_PORT + "/hello.txt");
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(0, got.exit(), got.out() + laptop.tunnels());
            assertEquals(content, got.out());
            System.out.printf(Locale.ROOT, "autotunnel: curl http://home.%s:%d/hello.txt by name fetched %d bytes in"
                    + " %d ms%n", ZONE, WEB_PORT, content.length(), tookMs);
        }
    }

    /**
     * The stall stream of the handover benchmark ({@link HandoverBench}: a 64-byte message every 10 ms, echoed),
     * connected by name, while the laptop goes to the train and back to the café and home's public address changes
     * and changes back. The session must survive every change without a reset or an error; how long it stalled is
     * printed, bounded only by {@link #STALL_BOUND_MILLIS}.
     */
    @Test
    @Order(5)
    void aTcpSessionByNameStaysUpWhileTheLaptopMovesAndHomesWanAddressChanges() throws Exception {
        List<HandoverBench.Handover> changes = new ArrayList<>();
        try (StallStream stream = StallStream.byName("hw-home", homeUla, "hw-laptop", laptopUla, "home." + ZONE,
                STREAM_PORT, STREAM_INTERVAL_MILLIS, 600);
                PingLoss ping = PingLoss.start("hw-laptop", homeUla, PINGS_PER_SECOND)) {
            long started = System.currentTimeMillis();
            HandoverBench.awaitFlowing(stream, started);
            assertNull(stream.broken(), "the session by name did not start: " + laptop.tunnels());
            assertTrue(stream.flowing(started, 1000, 100), "the session by name does not flow: " + laptop.tunnels());
            changes.add(survived(stream, HandoverBench.measure(stream, ping, "laptop café -> train",
                    () -> NetLab.script("move-laptop", "train"), home, "laptop", TRAIN_ENDPOINT)));
            changes.add(survived(stream, HandoverBench.measure(stream, ping, "laptop train -> café",
                    () -> NetLab.script("move-laptop", "cafe"), home, "laptop", CAFE_ENDPOINT)));
            changes.add(survived(stream, HandoverBench.measure(stream, ping, "home's WAN -> " + NEW_HOME_WAN,
                    () -> NetLab.script("set-home-wan", NEW_HOME_WAN), laptop, "home", NEW_HOME_WAN + ":4500")));
            System.out.printf(Locale.ROOT, "autotunnel: at home's new WAN address the laptop's IKE SA is %s%n",
                    ikeSaWith(laptop, "home"));
            changes.add(survived(stream, HandoverBench.measure(stream, ping, "home's WAN -> " + NetLab.HOME_WAN,
                    () -> NetLab.script("set-home-wan", NetLab.HOME_WAN), laptop, "home",
                    NetLab.HOME_WAN + ":4500")));
        } finally {
            NetLab.script("set-home-wan", NetLab.HOME_WAN);
            NetLab.script("move-laptop", "cafe");
        }
        System.out.printf(Locale.ROOT, "autotunnel: the TCP session by name survived %d changes; longest stall per"
                + " change %s ms%n", changes.size(), changes.stream().map(HandoverBench.Handover::stallMillis).toList());
        home.awaitPeerAt("laptop", CAFE_ENDPOINT, 30);
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
    }

    /** Fails unless the session is still up after the change and flowed again within the bound. */
    private static HandoverBench.Handover survived(StallStream stream, HandoverBench.Handover change)
            throws Exception {
        assertNull(stream.broken(), "the TCP session broke at " + change.what() + ":\n" + laptop.tunnels()
                + home.tunnels() + laptop.ike() + home.ike());
        assertTrue(change.stallMillis() < STALL_BOUND_MILLIS, change.what() + ": the TCP session stalled "
                + change.stallMillis() + " ms:\n" + laptop.tunnels() + home.tunnels() + laptop.ike() + home.ike());
        return change;
    }

    /** The row of the host's IKE page for its IKE SA with the peer: where its IKE requests go. */
    private static String ikeSaWith(LabHost host, String peer) throws Exception {
        return host.ike().lines().map(String::strip).filter(l -> l.contains(" <-> "))
                .filter(l -> l.startsWith(peer + " ") || l.startsWith(peer + "."))
                .findFirst().orElse("none with " + peer);
    }

    @Test
    @Order(6)
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
    @Order(7)
    void aThirdHostSigningInLaterIsReachableByNameFromBoth() throws Exception {
        officeNetwork("up");
        office = LabHost.configure("office", "hw-office", work.resolve("office"), USER, PASSWORD, rendezvous.pin(),
                5400, CONFIG).startOnTerminal();
        LabHost.Published published = office.awaitPublished(90);
        officeUla = published.ula();
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
    @Order(8)
    void aHostThatSignsOutLosesItsSas() throws Exception {
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

    /**
     * Nothing was typed for the tunnels: no file of any host's configuration directory holds an SA keyed by hand, a
     * key, or another host's name or ULA; all each host knows of its peers came from the directory.
     */
    @Test
    @Order(9)
    void noConfigurationFileOfAnyHostHoldsAKeyOrAPeer() throws Exception {
        Map<String, String> ulas = new TreeMap<>(Map.of("home", homeUla, "laptop", laptopUla));
        if (officeUla != null) {
            ulas.put("office", officeUla);
        }
        for (LabHost host : Stream.of(home, laptop, office).filter(Objects::nonNull).toList()) {
            List<Path> files;
            try (Stream<Path> all = Files.walk(host.config())) {
                files = all.filter(Files::isRegularFile).toList();
            }
            StringBuilder everything = new StringBuilder();
            for (Path file : files) {
                String text = Files.readString(file);
                everything.append(text);
                assertFalse(text.toLowerCase(Locale.ROOT).contains("manualsa"), file + ": " + text);
                assertFalse(KEY_PROPERTY.matcher(text).find(), file + " holds a key: " + text);
                for (String peer : HOSTS) {
                    assertTrue(peer.equals(host.name) || !Pattern.compile("\\b" + peer + "\\b").matcher(text).find(),
                            file + " names the peer " + peer + ": " + text);
                }
                ulas.forEach((peer, ula) -> assertTrue(peer.equals(host.name) || !text.contains(ula),
                        file + " holds " + peer + "'s ULA " + ula + ": " + text));
            }
            assertTrue(everything.toString().contains("\"hostName\": \"" + host.name + "\""),
                    host.name + "'s configuration (" + files + ") names itself: " + everything);
        }
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
