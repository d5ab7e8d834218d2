package io.homeward.ike.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.auth.Credentials;
import io.homeward.api.peers.Peer;
import io.homeward.api.sa.SaSpec;
import io.homeward.testkit.TestCredentials;

/** Two IKE components back to back through fake tunnel ports, peer directories and SA databases. */
class IkeComponentTest {
    private final KeyingLab lab = new KeyingLab();

    @Test
    void twoHostsThatListEachOtherKeyMatchingSaPairs() {
        // Liveness checks would count among the datagrams sent; they have tests of their own.
        lab.home.settings = KeyingLab.WITHOUT_DPD;
        lab.laptop.settings = KeyingLab.WITHOUT_DPD;
        lab.bothListEachOther();

        SaSpec atHome = single(lab.home.database.installed);
        SaSpec atLaptop = single(lab.laptop.database.installed);
        assertEquals(lab.laptop.ula, atHome.peer());
        assertEquals(lab.home.ula, atLaptop.peer());
        assertEquals(atHome.inboundSpi(), atLaptop.outboundSpi());
        assertEquals(atHome.outboundSpi(), atLaptop.inboundSpi());
        assertArrayEquals(atHome.inboundKey(), atLaptop.outboundKey());
        assertEquals(lab.laptop.endpoint, atHome.peerEndpoint());
        assertTrue(lab.unmarked.isEmpty(), "every IKE datagram carries the non-ESP marker");
        assertEquals(4, lab.home.sent + lab.laptop.sent, "one IKE_SA_INIT and one IKE_AUTH exchange, from home");

        String home = lab.home.report();
        assertTrue(home.contains("IKE: running as home.alice.members.example on UDP 4500"), home);
        assertTrue(home.contains("SA pair keyed by IKE"), home);
        assertTrue(home.matches("(?s).*laptop +initiator +ESTABLISHED .*aes-gcm-16/256 HMAC_SHA2_256 CURVE25519.*"),
                home);
        assertTrue(home.contains("child: aes-gcm-16 in " + Integer.toHexString(atHome.inboundSpi())), home);
        String laptop = lab.laptop.report();
        assertTrue(laptop.matches("(?s).*home +responder +ESTABLISHED .*"), laptop);

        lab.scheduler.advance(Duration.ofMinutes(10));
        assertEquals(4, lab.home.sent + lab.laptop.sent, "the laptop, whose ULA is higher, never starts another");
        assertEquals(1, lab.laptop.database.installed.size());
    }

    @Test
    void withoutAHostCertificateIkeStaysIdleAndSaysWhy() {
        lab.home.start();
        lab.laptop.start().signIn();
        lab.laptop.lists(lab.home);
        lab.home.lists(lab.laptop);
        assertTrue(lab.home.report().startsWith("IKE: idle: not signed in"), lab.home.report());

        lab.home.component.bindCredentials(TestCredentials.of(KeyingLab.USER, KeyingLab.ZONE));
        lab.scheduler.advance(Duration.ofSeconds(10));

        assertTrue(lab.home.report().startsWith("IKE: idle: signed in as alice without a host certificate"),
                lab.home.report());
        assertTrue(lab.home.log.has(LogLevel.INFO, "IKE is idle: signed in as alice without a host certificate"));
        assertEquals(0, lab.home.sent);

        lab.home.signIn();
        assertEquals(1, lab.home.database.installed.size(), "enrolled, it keys the peer at once");
    }

    @Test
    void newCredentialsRestartIkeAndSigningOutMakesItIdle() {
        lab.bothListEachOther();
        Credentials first = lab.home.credentials();
        lab.home.component.bindCredentials(first);
        lab.home.component.unbindCredentials(lab.laptop.credentials());
        assertTrue(lab.home.report().startsWith("IKE: running as home"), "the credentials bound before were let go");
        assertTrue(lab.home.report().contains("IKE SAs: none"), "the engine before closed its SAs");
        assertEquals(1, lab.home.database.installed.size(), "the SA pair stays while the peer is listed");

        lab.home.component.unbindCredentials(first);

        assertTrue(lab.home.report().startsWith("IKE: idle: not signed in"), lab.home.report());
    }

    @Test
    void aPeerThatLeavesTheDirectoryLosesItsSaPairAndIkeSa() {
        lab.bothListEachOther();

        lab.home.drops(lab.laptop);

        assertTrue(lab.home.database.installed.isEmpty());
        String report = lab.home.report();
        assertTrue(report.contains("IKE SAs: none"), report);
        assertTrue(report.contains("Peers: none"), report);
    }

    @Test
    void aPeerBackWithAnotherUlaIsKeyedAnew() throws Exception {
        lab.bothListEachOther();
        SaSpec first = single(lab.home.database.installed);

        lab.home.component.peerChanged(Optional.of(lab.laptop.asPeer()), Optional.of(new Peer("laptop",
                (Inet6Address) InetAddress.getByName("fd00::3"),
                Optional.of(lab.laptop.endpoint), lab.clock.instant(), "dns-push")));

        assertTrue(lab.home.database.installed.stream().noneMatch(spec -> spec.peer().equals(first.peer())),
                "the SA pair of the old ULA is gone");
        assertTrue(lab.home.log.has(LogLevel.INFO, "initiating an IKE SA with laptop"));
    }

    @Test
    void aPeerWhoseCertificateIsRevokedLosesItsSaPairAndIsNotKeyedAgain() {
        lab.bothListEachOther();

        lab.revocations.revoke(lab.laptop.certificate);

        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.home.log.has(LogLevel.WARN, "the certificate of laptop was revoked"));
        lab.scheduler.advance(Duration.ofMinutes(10));
        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.home.report().contains("its certificate was revoked"), lab.home.report());
    }

    @Test
    void peersKeyedByHandAreLeftAlone() {
        lab.home.keyedByHand.add("laptop");
        lab.laptop.keyedByHand.add("home");
        lab.bothListEachOther();
        lab.scheduler.advance(Duration.ofMinutes(10));

        assertEquals(0, lab.home.sent + lab.laptop.sent);
        assertTrue(lab.home.report().contains("keyed by hand (io.homeward.tunnel.manualsa)"), lab.home.report());
    }

    @Test
    void aHostKeyedByHandRefusesTheChildSaOfAPeerThatIsNot() {
        lab.home.keyedByHand.add("laptop");
        SaSpec manual = new SaSpec(lab.laptop.ula, 0x1000a001, 0x1000b001, "aes-gcm-16", new byte[36], new byte[36],
                null, true);
        lab.home.database.install(manual);
        lab.bothListEachOther();
        lab.scheduler.advance(PeerKeying.HIGHER_ULA_WAIT);

        assertEquals(List.of(manual), lab.home.database.installed);
        assertTrue(lab.laptop.database.installed.isEmpty());
        assertTrue(lab.laptop.report().contains("failed: no Child SA"), lab.laptop.report());

        lab.home.drops(lab.laptop);
        assertEquals(List.of(manual), lab.home.database.installed, "IKE removes only the SA pairs it installed");
    }

    @Test
    void theHigherUlaInitiatesAfterItsWaitWhenTheLowerOneDoesNot() {
        lab.home.settings = new KeyingSettings(false, 30, 3, 1000, Duration.ofSeconds(30), Duration.ofMinutes(5));
        lab.bothListEachOther();
        assertEquals(0, lab.home.sent + lab.laptop.sent);
        assertTrue(lab.laptop.report().contains("(the host with the lower ULA initiates first)"), lab.laptop.report());

        lab.scheduler.advance(PeerKeying.HIGHER_ULA_WAIT);

        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size());
    }

    @Test
    void aPeerBehindAFilteringNatKeysItsOwnIkeSaWhileTheLowerUlasGoesUnanswered() {
        lab.laptop.filtersUnsolicited = true;
        lab.bothListEachOther();
        assertTrue(lab.home.sent > 0, "home, the lower ULA, initiated");
        assertTrue(lab.home.database.installed.isEmpty(), "the café NAT dropped it");

        lab.scheduler.advance(PeerKeying.HIGHER_ULA_WAIT);

        SaSpec atHome = single(lab.home.database.installed);
        SaSpec atLaptop = single(lab.laptop.database.installed);
        assertEquals(atHome.inboundSpi(), atLaptop.outboundSpi());
        assertEquals(atHome.outboundSpi(), atLaptop.inboundSpi());
        assertTrue(lab.home.log.has(LogLevel.INFO, "reached this host first"), lab.home.log.toString());
    }

    @Test
    void whenBothStartAtOnceTheIkeSaOfTheLowerUlaKeysTheMatchingPair() {
        lab.home.start();
        lab.laptop.start().signIn();
        lab.laptop.lists(lab.home);
        lab.home.lists(lab.laptop);
        lab.hold();
        lab.home.signIn();
        new IkeCommand(lab.laptop.component).ike("initiate", "home");
        lab.release();

        SaSpec atHome = single(lab.home.database.installed);
        SaSpec atLaptop = single(lab.laptop.database.installed);
        assertEquals(atHome.inboundSpi(), atLaptop.outboundSpi());
        assertEquals(atHome.outboundSpi(), atLaptop.inboundSpi());
        assertTrue(lab.home.log.has(LogLevel.INFO, "while this host's own IKE SA with it is under way"),
                lab.home.log.toString());
        assertTrue(lab.home.report().matches("(?s).*laptop +initiator +ESTABLISHED.*"), lab.home.report());
        assertFalse(lab.home.report().contains("responder"), "the laptop's IKE SA is gone: " + lab.home.report());
    }

    @Test
    void anUnansweredPeerIsTriedAgainWithBackoff() {
        lab.home.start().signIn();
        lab.home.lists(lab.laptop);
        lab.scheduler.advance(Duration.ofSeconds(170));
        assertTrue(lab.home.log.has(LogLevel.INFO, "trying again in 10 s"), lab.home.log.toString());
        int sent = lab.home.sent;

        lab.laptop.start().signIn();
        lab.laptop.lists(lab.home);
        lab.scheduler.advance(Duration.ofSeconds(10));

        assertTrue(lab.home.sent > sent);
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size());
    }

    @Test
    void theOperatorDeletesAndInitiatesAgain() {
        lab.bothListEachOther();
        IkeCommand command = new IkeCommand(lab.home.component);

        assertTrue(command.ike("delete", "laptop").startsWith("Removed the SA pair with laptop"));
        assertTrue(lab.home.database.installed.isEmpty());
        lab.scheduler.advance(Duration.ofMinutes(10));
        assertTrue(lab.home.database.installed.isEmpty(), "not keyed again by itself");
        assertTrue(command.ike().contains("deleted by the operator"), command.ike());

        assertTrue(command.ike("initiate", "laptop")
                .startsWith("Initiating an IKE SA with laptop.alice.members.example"));
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size(), "the laptop's pair replaced");
        assertEquals("no peer desktop in the peer directory (homeward:peers)", command.ike("initiate", "desktop"));
        assertEquals("usage: homeward:ike [initiate HOST | delete HOST | rekey HOST | rekey-ike HOST]",
                command.ike("renew", "laptop"));
    }

    @Test
    void theOperatorRekeysTheChildSaAndTheIkeSaAndIkeKeepsOwningTheNewPair() {
        lab.bothListEachOther();
        IkeCommand command = new IkeCommand(lab.home.component);
        SaSpec old = single(lab.home.database.installed);

        assertTrue(command.ike("rekey", "laptop").startsWith("Rekeying the Child SA with laptop (inbound SPI "
                + Integer.toHexString(old.inboundSpi())), command.ike());
        lab.scheduler.advance(Duration.ofSeconds(1));
        SaSpec rekeyed = single(lab.home.database.installed);
        assertEquals(rekeyed.inboundSpi(), single(lab.laptop.database.installed).outboundSpi());
        assertTrue(command.ike().contains("child: aes-gcm-16 in " + Integer.toHexString(rekeyed.inboundSpi())
                + " out " + Integer.toHexString(rekeyed.outboundSpi()) + " ESN on, INSTALLED, age 1 s, rekey in "),
                command.ike());

        assertTrue(command.ike("rekey-ike", "laptop").startsWith("Rekeying the IKE SA"), command.ike());
        lab.scheduler.advance(Duration.ofSeconds(1));
        assertEquals(rekeyed, single(lab.home.database.installed), "the Child SA moved to the new IKE SA");
        String report = command.ike();
        assertEquals(1, report.split("child: ", -1).length - 1, report);
        assertTrue(report.matches("(?s).*laptop +initiator +ESTABLISHED .*age \\d+ s  rekey in \\d+ s.*"), report);
        assertEquals("IKE has no established IKE SA with a Child SA with desktop", command.ike("rekey", "desktop"));

        assertTrue(command.ike("delete", "laptop").startsWith("Removed the SA pair with laptop"), command.ike());
        assertTrue(lab.home.database.installed.isEmpty());
    }

    @Test
    void deactivationDeletesTheIkeSasRemovesTheSaPairsAndReleasesThePort() throws Exception {
        lab.bothListEachOther();

        lab.home.component.deactivate();

        assertTrue(lab.home.database.installed.isEmpty());
        assertEquals(null, lab.home.port.ike);
        assertTrue(lab.laptop.database.installed.isEmpty(), "the peer heard the DELETE: " + lab.laptop.report());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "home deleted its IKE SA with this host"), lab.laptop.log.toString());
        assertTrue(lab.laptop.report().contains("(the peer deleted its IKE SA and may start the next)"),
                lab.laptop.report());
        lab.scheduler.advance(PeerKeying.HIGHER_ULA_WAIT);
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "IKE: initiating an IKE SA with home"),
                "then the peer keys home again: " + lab.laptop.log);
    }

    private static SaSpec single(List<SaSpec> specs) {
        assertEquals(1, specs.size(), specs.toString());
        return specs.get(0);
    }
}
