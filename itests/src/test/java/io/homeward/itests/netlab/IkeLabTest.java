package io.homeward.itests.netlab;

import static io.homeward.itests.netlab.NetLab.ping;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * IKEv2 with the host certificates in the network lab: home behind the miniupnpd gateway and the laptop behind the
 * café NAT, both signed in as the same user (each enrolls at sign-in and gets its certificate), no SA keyed by hand
 * anywhere. Each lists the other, IKE keys the SA pair on the tunnel port, and ping runs between the ULAs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IkeLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String KEYED = "SA pair keyed by IKE";

    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static String homeUla;
    private static String laptopUla;

    @BeforeAll
    static void twoHostsOfOneUserThatListEachOther() throws Exception {
        NetLab.up();
        work = Files.createTempDirectory("homeward-ike");
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400)
                .start();
        laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD, rendezvous.pin(),
                5400).start();
        homeUla = home.awaitPublished(90).ula();
        laptopUla = laptop.awaitPublished(90).ula();
        home.awaitPeerAt("laptop", "11.0.0.3:4500", 30);
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(laptop, home, rendezvous);
    }

    @Test
    @Order(1)
    void ikeKeysTheSaPairAndPingRunsBothWays() throws Exception {
        awaitIke(home, KEYED, 60);
        awaitIke(laptop, KEYED, 60);
        assertTrue(home.tunnels().contains("peer " + laptopUla), home.tunnels());
        assertTrue(laptop.tunnels().contains("peer " + homeUla), laptop.tunnels());
        assertTrue(ping("hw-laptop", homeUla), "laptop -> home: " + laptop.tunnels() + home.ike());
        assertTrue(ping("hw-home", laptopUla), "home -> laptop: " + home.tunnels() + laptop.ike());
    }

    @Test
    @Order(2)
    void homewardIkeShowsTheEstablishedSaFromBothSides() throws Exception {
        String atHome = home.ike();
        String atLaptop = laptop.ike();
        assertTrue(atHome.contains("IKE: running as home."), atHome);
        assertTrue(atHome.matches("(?s).*laptop +(initiator|responder) +ESTABLISHED .*"), atHome);
        assertTrue(atLaptop.matches("(?s).*home +(initiator|responder) +ESTABLISHED .*"), atLaptop);
        assertTrue(atHome.contains("child: aes-gcm-16 in "), atHome);
        assertTrue(atHome.contains("initiator") != atLaptop.contains("initiator"),
                "one side initiated, the other answered:\n" + atHome + atLaptop);
        assertFalse(atHome.contains("keyed by hand"), atHome);
    }

    @Test
    @Order(3)
    void stoppingIkeRemovesItsSaPairAndStartingItKeysThePeerAgain() throws Exception {
        LabConsole console = home.console();
        console.bundle("io.homeward.ike", "stop", LabConsole.RESOLVED);
        assertFalse(home.tunnels().contains("peer " + laptopUla), "the SA pair went with IKE: " + home.tunnels());

        console.bundle("io.homeward.ike", "start", LabConsole.ACTIVE);
        awaitIke(home, KEYED, 60);
        assertTrue(ping("hw-laptop", homeUla), "laptop -> home after home's IKE restarted: " + home.ike());
        assertTrue(ping("hw-home", laptopUla), "home -> laptop after home's IKE restarted: " + laptop.ike());
    }

    private static String awaitIke(LabHost host, String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String status;
        do {
            status = host.ike();
            if (status.contains(text)) {
                return status;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no '" + text + "' on " + host.name + " within " + seconds + " s: " + status);
    }
}
