package io.homeward.itests.netlab;

import static io.homeward.itests.netlab.NetLab.ping;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Locale;
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
 * A host forgets its IKE SA with its peer without a word while the peer holds it and its SA pair; asked on its shell,
 * IKE keys the peer again within seconds. First the IKE engine of the host with the higher ULA restarts (a crypto
 * suite bundle stops and starts: IKE restarts with the suites and closes its IKE SAs here), keeping the ULA, while
 * the peer holds an IKE SA it initiated itself, the lower ULA's: its precedence (simultaneous start) refused the new
 * IKE SA until dead-peer detection gave the old one up; now the first IKE_AUTH says INITIAL_CONTACT (RFC 7296 §2.4)
 * and the peer drops what it held. Then the laptop's runtime is killed (SIGKILL) and started again on the same data,
 * with a new ULA (the identity is per run): home lists it anew and is keyed again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IkeRestartLabTest {
    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-ike-restart");

    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String KEYED = "SA pair keyed by IKE";

    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static String homeUla;
    private static String laptopUla;

    @BeforeAll
    static void twoHostsOfOneUserThatListEachOther() throws Exception {
        NetLab.up();
        Path work = WORK.path();
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400);
        laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD, rendezvous.pin(),
                5400);
        LabHost.startTogether(home::startOnTerminal, laptop::startOnTerminal);
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
    void aHostWhoseIkeRestartedKeysItsPeerAtOnceWithInitialContact() throws Exception {
        LabHost lower = lower(homeUla, laptopUla) ? home : laptop;
        LabHost higher = lower == home ? laptop : home;
        // The laptop keys first, which opens the café NAT to home; then the lower ULA's host keys anew if it is home:
        // the IKE SA is the lower ULA's, whose precedence (simultaneous start) refused the other's new IKE SA before.
        laptop.initiateIke("home", 30);
        home.awaitIke(KEYED, 60);
        if (lower == home) {
            String deleted = String.join("\n", home.run("homeward:ike delete laptop"));
            assertTrue(deleted.startsWith("Removed the SA pair with laptop"), deleted);
            assertTrue(home.initiateIke("laptop", 30).startsWith("Initiating"));
        }
        lower.awaitIke(KEYED, 60);
        higher.awaitIke(KEYED, 60);
        assertTrue(lower.ike().matches("(?s).*" + higher.name + " +initiator +ESTABLISHED .*"), lower.ike());

        higher.console().bundle("io.homeward.crypto.chacha20", "stop", LabConsole.RESOLVED);
        higher.console().bundle("io.homeward.crypto.chacha20", "start", LabConsole.ACTIVE);
        higher.awaitIke("IKE SAs: none", 30);
        long asked = System.nanoTime();
        higher.initiateIke(lower.name, 30);
        higher.awaitIke(KEYED, 30);
        long keyedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertTrue(ping("hw-laptop", homeUla), "laptop -> home: " + home.ike() + laptop.ike());
        assertTrue(ping("hw-home", laptopUla), "home -> laptop: " + home.ike() + laptop.ike());

        assertTrue(lower.log().contains(higher.name + " restarted and forgot its IKE SA with this host"), lower.ike());
        assertTrue(lower.ike().matches("(?s).*" + higher.name + " +responder +ESTABLISHED .*"), lower.ike());
        assertTrue(keyedMs < 10_000, "keyed after " + keyedMs + " ms");
        System.out.printf(Locale.ROOT, "IKE after %s's IKE restarted silently (the IKE SA %s held was its own, %s has"
                + " the lower ULA): keyed %d ms after homeward:ike initiate%n", higher.name, lower.name, lower.name,
                keyedMs);
    }

    @Test
    @Order(2)
    void aLaptopKilledAndStartedAgainKeysHomeAgain() throws Exception {
        laptop.kill();
        laptop.startOnTerminal();
        String newUla = laptop.awaitPublished(90).ula();
        assertNotEquals(laptopUla, newUla, "the identity is per run");
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 60);
        LabHost.await(() -> home.peer("laptop").map(LabHost.Listed::ula).orElse(""), newUla, "home's directory", 30);
        long asked = System.nanoTime();
        laptop.initiateIke("home", 30);
        laptop.awaitIke(KEYED, 30);
        long keyedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertTrue(ping("hw-laptop", homeUla), "laptop -> home after the restart: " + home.ike() + laptop.ike());
        assertTrue(ping("hw-home", newUla), "home -> laptop after the restart: " + home.ike() + laptop.ike());
        long pingedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);

        assertTrue(keyedMs < 10_000, "keyed after " + keyedMs + " ms");
        System.out.printf(Locale.ROOT, "IKE after the laptop's SIGKILL and restart: keyed %d ms after homeward:ike"
                + " initiate, ping both ways %d ms after%n", keyedMs, pingedMs);
    }

    private static boolean lower(String ula, String other) throws Exception {
        return new BigInteger(1, InetAddress.getByName(ula).getAddress())
                .compareTo(new BigInteger(1, InetAddress.getByName(other).getAddress())) < 0;
    }
}
