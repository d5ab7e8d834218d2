package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.homeward.itests.LabDirectory;

/**
 * Issue 6's acceptance in the network lab, with real runtimes: the rendezvous on the Internet side (hw-rdv),
 * "home" behind the miniupnpd gateway (hw-home, PCP maps its tunnel port) and "laptop" behind the café's
 * plain NAT (hw-laptop, which maps nothing: STUN tells it its public endpoint). Both sign in as alice
 * unattended. The steps build on each other, so they run in order on one set of runtimes; handover times are
 * printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlPlaneLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    /** Short, so a killed host's records visibly run out; the rendezvous is told to allow it. */
    private static final int LEASE_SECONDS = 30;
    private static final String HOME_ENDPOINT = NetLab.HOME_WAN + ":4500";
    private static final String CAFE_ENDPOINT = "11.0.0.3:4500";
    private static final String TRAIN_ENDPOINT = "11.0.0.5:4500";

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-control-plane");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static LabHost.Published homeRecords;
    private static LabHost.Published laptopRecords;

    @BeforeAll
    static void labWithTwoHosts() throws Exception {
        NetLab.up();
        work = WORK.path();
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, LEASE_SECONDS);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), LEASE_SECONDS);
        laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD, rendezvous.pin(),
                LEASE_SECONDS);
        LabHost.startTogether(home::start, laptop::start);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(laptop, home, rendezvous);
    }

    @Test
    @Order(1)
    void bothSignInAndEachListsTheOtherWithinTwoSecondsWithTheRightUlaAndEndpoint() throws Exception {
        homeRecords = home.awaitPublished(90);
        laptopRecords = laptop.awaitPublished(90);
        assertEquals(HOME_ENDPOINT, homeRecords.endpoint(), "home publishes its PCP mapping: " + home.netcheck());
        assertEquals(CAFE_ENDPOINT, laptopRecords.endpoint(), "the laptop publishes what STUN saw: the café NAT");
        Instant bothUp = homeRecords.at().isAfter(laptopRecords.at()) ? homeRecords.at() : laptopRecords.at();

        LabHost.Listed laptopAtHome = home.awaitPeerAt("laptop", CAFE_ENDPOINT, 10);
        LabHost.Listed homeOnLaptop = laptop.awaitPeerAt("home", HOME_ENDPOINT, 10);
        assertEquals(laptopRecords.ula(), laptopAtHome.ula());
        assertEquals(homeRecords.ula(), homeOnLaptop.ula());
        Duration a = Duration.between(bothUp, laptopAtHome.changed());
        Duration b = Duration.between(bothUp, homeOnLaptop.changed());
        System.out.printf(Locale.ROOT, "both up at %s; home lists laptop after %d ms (%s), laptop lists home after %d ms (%s)%n",
                bothUp, a.toMillis(), laptopAtHome.source(), b.toMillis(), homeOnLaptop.source());
        assertTrue(a.compareTo(Duration.ofSeconds(2)) <= 0, "home listed the laptop " + a.toMillis() + " ms after both were up");
        assertTrue(b.compareTo(Duration.ofSeconds(2)) <= 0, "the laptop listed home " + b.toMillis() + " ms after both were up");
    }

    @Test
    @Order(2)
    void digShowsExactlyEachHostsRecordSet() throws Exception {
        List<String> expected = new ArrayList<>(LabRendezvous.serviceRecords(USER));
        expected.addAll(recordSet(homeRecords, NetLab.HOME_WAN, 4500));
        expected.addAll(recordSet(laptopRecords, "11.0.0.3", 4500));
        assertEquals(new TreeSet<>(expected), new TreeSet<>(LabRendezvous.zoneRecords(USER, PASSWORD)));
    }

    @Test
    @Order(3)
    void theLaptopMovingToTheTrainAndBackShowsUpAtHome() throws Exception {
        move("train", TRAIN_ENDPOINT);
        move("cafe", CAFE_ENDPOINT);
    }

    @Test
    @Order(4)
    void aNewPublicAddressAtHomeShowsUpOnTheLaptop() throws Exception {
        try {
            Instant changedAt = Instant.now();
            assertEquals(0, NetLab.script("set-home-wan", "11.0.0.22").exit());
            LabHost.Listed seen = laptop.awaitPeerAt("home", "11.0.0.22:4500", 15);
            System.out.printf(Locale.ROOT, "home WAN 11.0.0.2 -> 11.0.0.22: the laptop's directory had it after %d ms (%s)%n",
                    Duration.between(changedAt, seen.changed()).toMillis(), seen.source());
        } finally {
            NetLab.script("set-home-wan", NetLab.HOME_WAN);
        }
        laptop.awaitPeerAt("home", HOME_ENDPOINT, 15);
    }

    @Test
    @Order(5)
    void afterTheRendezvousRestartsAndTheLaptopIsOfflineForAMinuteEverythingConvergesWithoutRestartingAgents()
            throws Exception {
        rendezvous.restart();
        move("train", TRAIN_ENDPOINT);

        assertEquals(0, NetLab.script("unplug-laptop").exit());
        Thread.sleep(60_000);
        move("cafe", CAFE_ENDPOINT);
        laptop.awaitPeerAt("home", HOME_ENDPOINT, 15);
        assertEquals(new TreeSet<>(List.of(NetLab.HOME_WAN, "11.0.0.3")), new TreeSet<>(
                LabRendezvous.zoneRecords(USER, PASSWORD).stream().filter(r -> r.contains(" a "))
                        .map(r -> r.substring(r.lastIndexOf(' ') + 1)).toList()), "each host's A record, once");
    }

    @Test
    @Order(6)
    void aCleanStopRemovesTheRecordsAtOnce() throws Exception {
        PortMappingLabTest.assertStoppedBySigterm(laptop.stop());
        assertEquals(homeOnly(), new TreeSet<>(LabRendezvous.zoneRecords(USER, PASSWORD)),
                "right after the laptop stopped, only home's records are left");
        home.awaitPeerGone("laptop", 5);
    }

    @Test
    @Order(7)
    void aKilledHostsRecordsStayUntilTheLeaseRunsOutThenItsPeerDropsIt() throws Exception {
        laptop.start();
        laptopRecords = laptop.awaitPublished(90);
        home.awaitPeerAt("laptop", CAFE_ENDPOINT, 10);
        // The KDC's records are a registration of their own (docs/kerberos.md, "Finding the KDC").
        LabHost.await(() -> String.join("\n", LabRendezvous.zoneRecords(USER, PASSWORD)),
                "_kerberos._udp." + laptopRecords.host() + "." + LabRendezvous.zone(USER), "the zone", 30);

        laptop.kill();
        Instant killed = Instant.now();
        assertTrue(LabRendezvous.zoneRecords(USER, PASSWORD).containsAll(recordSet(laptopRecords, "11.0.0.3", 4500)),
                "a killed host withdrew nothing");
        home.awaitPeerGone("laptop", LEASE_SECONDS + 20);
        Duration gone = Duration.between(killed, Instant.now());
        System.out.printf(Locale.ROOT, "killed laptop: home dropped it %d s after the kill (lease %d s)%n", gone.toSeconds(),
                LEASE_SECONDS);
        // The KDC's records were published (and are refreshed) on their own: their lease ends on its own time.
        awaitZone(homeOnly(), LEASE_SECONDS + 10);
    }

    /** Polls the zone (every 0.2 s) until it holds exactly these records; fails after {@code seconds}. */
    private static void awaitZone(Set<String> expected, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Set<String> zone;
        do {
            zone = new TreeSet<>(LabRendezvous.zoneRecords(USER, PASSWORD));
            if (zone.equals(expected)) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertEquals(expected, zone, "the zone " + seconds + " s later");
    }

    @Test
    @Order(8)
    void aWrongPasswordOrAWrongPinGivesOneClearMessageAndNoRegistration() throws Exception {
        LabHost.configure("stranger", "hw-laptop", work.resolve("stranger"), USER, "not-the-password", rendezvous.pin(),
                LEASE_SECONDS);
        String wrongPassword = signInOnce(work.resolve("stranger"), "not-the-password");
        assertTrue(wrongPassword.contains("wrong password for zone alice.members.example."), wrongPassword);

        Path pinned = work.resolve("wrong-pin");
        LabHost.configure("stranger", "hw-laptop", pinned, USER, PASSWORD, "00".repeat(31) + "01", LEASE_SECONDS);
        String wrongPin = signInOnce(pinned, PASSWORD);
        assertTrue(wrongPin.contains("but the pin is"), wrongPin);

        assertFalse(LabRendezvous.zoneRecords(USER, PASSWORD).stream().anyMatch(r -> r.contains("stranger")),
                "nothing was registered for the stranger");
    }

    /** Runs {@code homeward:signin} once in the laptop's namespace with the host's configuration; its output. */
    private static String signInOnce(Path dir, String password) throws Exception {
        try (NamespacedAgent once = NamespacedAgent.start("agent", "hw-laptop", dir.resolve("data"), dir.resolve("config"),
                "homeward:signin " + LabRendezvous.zone(USER) + " " + USER + " " + password)) {
            once.awaitExit(90);
            List<String> lines = once.output().stream().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "one message: " + lines);
            return lines.get(0);
        }
    }

    private static void move(String network, String endpoint) throws Exception {
        Instant movedAt = Instant.now();
        assertEquals(0, NetLab.script("move-laptop", network).exit());
        LabHost.Listed seen = home.awaitPeerAt("laptop", endpoint, 30);
        System.out.printf(Locale.ROOT, "laptop moved to the %s (%s): home's directory had it after %d ms (%s)%n", network,
                endpoint, Duration.between(movedAt, seen.changed()).toMillis(), seen.source());
    }

    private static TreeSet<String> homeOnly() {
        TreeSet<String> zone = new TreeSet<>(LabRendezvous.serviceRecords(USER));
        zone.addAll(recordSet(homeRecords, NetLab.HOME_WAN, 4500));
        return zone;
    }

    /**
     * docs/architecture.md, "Records a host publishes", and docs/kerberos.md, "Finding the KDC", as dig prints them
     * (lower case, no TTL).
     */
    private static List<String> recordSet(LabHost.Published p, String publicAddress, int port) {
        String zone = LabRendezvous.zone(USER);
        String target = ("autotunnel-" + p.eui64() + "." + zone).toLowerCase(Locale.ROOT);
        String host = p.host() + "." + zone;
        return List.of(
                "_autotunnel._udp." + host + " srv 0 0 " + port + " " + target,
                target + " a " + publicAddress,
                target + " aaaa " + p.ula(),
                target + " txt \"homeward=0.1\" \"host=" + p.host() + "\" \"os=linux\"",
                host + " aaaa " + p.ula(),
                "_homeward._udp." + zone + " ptr " + host,
                "_kerberos._tcp." + host + " srv 0 0 88 " + host,
                "_kerberos._udp." + host + " srv 0 0 88 " + host,
                "_kerberos." + host + " txt \"" + host.substring(0, host.length() - 1) + "\"");
    }
}
