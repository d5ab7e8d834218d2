package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Names that resolve, in the network lab: home behind the miniupnpd gateway and the laptop in the café, both signed
 * in as one user. The laptop's own agent answers DNS on the laptop's ULA: the names of the peer directory at once,
 * the zone's other names from the rendezvous, nothing outside the zone; and directory names keep resolving while
 * the rendezvous is unreachable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NamesLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String ZONE = LabRendezvous.zone(USER);
    private static final String RESOLVER = "\"io.homeward.resolver\": { \"rendezvousServer\": \"" + LabRendezvous.DNS
            + "\" }";
    /** The laptop's own table, so that blocking the rendezvous touches nothing of the lab's. */
    private static final String BLOCK_TABLE = "homeward_names_test";

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-names");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static String homeUla;
    private static String laptopUla;

    @BeforeAll
    static void twoHostsOfOneUserThatListEachOther() throws Exception {
        NetLab.up();
        work = WORK.path();
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400,
                RESOLVER).start();
        laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD, rendezvous.pin(),
                5400, RESOLVER).start();
        homeUla = home.awaitPublished(90).ula();
        laptopUla = laptop.awaitPublished(90).ula();
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
        laptop.awaitNames("UDP and TCP, on homeward0", 30);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(laptop, home, rendezvous);
    }

    @Test
    @Order(1)
    void theLaptopAnswersHomesNameFromItsDirectory() throws Exception {
        assertEquals(List.of(homeUla), dig("home." + ZONE, "AAAA", "+short"));
        assertEquals(List.of(laptopUla), dig("laptop." + ZONE, "AAAA", "+short"), "its own name too");
        assertTrue(String.join("\n", dig("home." + ZONE, "AAAA", "+noall", "+comments")).contains(" aa"),
                "authoritative from the directory");
        assertEquals(List.of(), dig("home." + ZONE, "A", "+short"), "no IPv4 on the overlay: NODATA");
    }

    @Test
    @Order(2)
    void theZonesOtherNamesComeFromTheRendezvous() throws Exception {
        List<String> browse = dig("_homeward._udp." + ZONE, "PTR", "+short");
        assertTrue(browse.contains("home." + ZONE) && browse.contains("laptop." + ZONE), browse.toString());
        String missing = String.join("\n", dig("nothing-here." + ZONE, "AAAA", "+noall", "+comments", "+authority"));
        assertTrue(missing.contains("status: NXDOMAIN"), missing);
        assertTrue(missing.contains("SOA"), "the zone's SOA in the authority section: " + missing);
    }

    @Test
    @Order(3)
    void namesOutsideTheZoneAreRefused() throws Exception {
        String outside = String.join("\n", dig("example.com.", "A", "+noall", "+comments"));
        assertTrue(outside.contains("status: REFUSED"), outside);
        String otherUser = String.join("\n", dig("home.bob." + LabRendezvous.DOMAIN, "AAAA", "+noall", "+comments"));
        assertTrue(otherUser.contains("status: REFUSED"), otherUser);
    }

    @Test
    @Order(4)
    void directoryNamesResolveWhileTheRendezvousIsUnreachable() throws Exception {
        NetLab.Result blocked = NetLab.in("hw-laptop", "nft", "add table inet " + BLOCK_TABLE
                + " ; add chain inet " + BLOCK_TABLE + " out { type filter hook output priority 0 ; }"
                + " ; add rule inet " + BLOCK_TABLE + " out ip daddr " + LabRendezvous.ADDRESS + " drop");
        assertEquals(0, blocked.exit(), blocked.out());
        try {
            long start = System.nanoTime();
            assertEquals(List.of(homeUla), dig("home." + ZONE, "AAAA", "+short"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 1500, "answered without waiting for the rendezvous, in " + millis + " ms");
            String unreachable = String.join("\n", dig("nothing-here." + ZONE, "AAAA", "+noall", "+comments"));
            assertTrue(unreachable.contains("status: SERVFAIL"), unreachable);
        } finally {
            NetLab.in("hw-laptop", "nft", "delete table inet " + BLOCK_TABLE);
        }
    }

    @Test
    @Order(5)
    void homewardNamesSaysWhereItListensWhatItServedAndWhatToAddByHand() throws Exception {
        String names = laptop.names();
        assertTrue(names.contains("Names: zone " + ZONE + ", this host laptop"), names);
        assertTrue(names.contains("[" + laptopUla + "]:53 UDP and TCP, on homeward0"), names);
        assertTrue(names.matches("(?s).*answered: +[1-9][0-9]* from the directory, [1-9][0-9]* forwarded to "
                + LabRendezvous.DNS.replace(".", "\\.") + ", [1-9][0-9]* not answered by it.*"), names);
        // This machine runs no systemd-resolved: the agent says so and what to add instead.
        assertTrue(names.contains("system resolver: not told: systemd-resolved is not running"), names);
        assertTrue(names.contains("nameserver " + laptopUla), names);
    }

    private static List<String> dig(String name, String type, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("dig", "@" + laptopUla, "+time=3", "+tries=1", name,
                type));
        command.addAll(List.of(options));
        NetLab.Result r = NetLab.in("hw-laptop", command.toArray(String[]::new));
        assertEquals(0, r.exit(), String.join(" ", command) + ": " + r.out());
        return r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
