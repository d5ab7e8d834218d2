package io.homeward.ike.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.util.promise.Promise;

import io.homeward.api.auth.Credentials;
import io.homeward.api.keying.KeyingListener;
import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.peers.Peer;
import io.homeward.api.sa.SaSpec;
import io.homeward.testkit.TestCredentials;

/** Two IKE components back to back through fake tunnel ports, peer directories and SA databases. */
class IkeComponentTest {
    private final KeyingLab lab = new KeyingLab();

    @Test
    void twoHostsThatListEachOtherKeyMatchingSaPairsWhenAsked() {
        // Liveness checks would count among the datagrams sent; they have tests of their own.
        lab.home.settings = KeyingLab.WITHOUT_DPD;
        lab.laptop.settings = KeyingLab.WITHOUT_DPD;
        lab.bothListEachOther();
        lab.scheduler.advance(Duration.ofMinutes(10));
        assertEquals(0, lab.home.sent + lab.laptop.sent, "IKE initiates only when asked");
        assertTrue(lab.home.report().contains("NONE for 600 s (keyed when asked)"), lab.home.report());

        KeyingStatus keyed = KeyingLab.value(lab.home.key(lab.laptop));

        assertEquals(KeyingState.UP, keyed.state());
        assertEquals(lab.laptop.ula, keyed.peer());
        assertEquals("laptop", keyed.host());
        assertTrue(keyed.initiator());
        assertEquals(Optional.of(lab.laptop.endpoint), keyed.endpoint());
        assertEquals(Optional.of(lab.laptop.certificate.getNotAfter().toInstant()), keyed.peerCertificateExpires(),
                "the expiry of the certificate the laptop authenticated with");

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
        assertTrue(home.contains("IKE: running as home.alice.members.example on UDP 4500, answering every listed peer,"
                + " initiating when asked"), home);
        assertTrue(home.contains("UP for 0 s, SA pair keyed by IKE"), home);
        assertTrue(home.matches("(?s).*laptop +initiator +ESTABLISHED .*aes-gcm-16/256 HMAC_SHA2_256 CURVE25519.*"),
                home);
        assertTrue(home.contains("child: aes-gcm-16 in " + Integer.toHexString(atHome.inboundSpi())), home);
        String laptop = lab.laptop.report();
        assertTrue(laptop.matches("(?s).*home +responder +ESTABLISHED .*"), laptop);

        lab.scheduler.advance(Duration.ofMinutes(10));
        assertEquals(4, lab.home.sent + lab.laptop.sent, "neither starts another unasked");
        assertEquals(1, lab.laptop.database.installed.size());
    }

    @Test
    void withoutAHostCertificateIkeStaysIdleAndSaysWhy() {
        lab.home.start();
        lab.laptop.start().signIn();
        lab.laptop.lists(lab.home);
        lab.home.lists(lab.laptop);
        assertTrue(lab.home.report().startsWith("IKE: idle: not signed in"), lab.home.report());
        assertEquals("IKE is idle: not signed in (homeward:signin or homeward:join)",
                KeyingLab.failure(lab.home.key(lab.laptop)));

        lab.home.component.bindCredentials(TestCredentials.of(KeyingLab.USER, KeyingLab.ZONE));
        lab.scheduler.advance(Duration.ofSeconds(10));

        assertTrue(lab.home.report().startsWith("IKE: idle: signed in as alice without a host certificate"),
                lab.home.report());
        assertTrue(lab.home.log.has(LogLevel.INFO, "IKE is idle: signed in as alice without a host certificate"));
        assertEquals(0, lab.home.sent);

        lab.home.signIn();
        assertEquals(KeyingState.UP, KeyingLab.value(lab.home.key(lab.laptop)).state(), "enrolled, it keys the peer");
        assertEquals(1, lab.home.database.installed.size());
    }

    @Test
    void newCredentialsRestartIkeAndSigningOutMakesItIdle() {
        lab.bothKeyed();
        Credentials first = lab.home.credentials();
        lab.home.component.bindCredentials(first);
        lab.home.component.unbindCredentials(lab.laptop.credentials());
        assertTrue(lab.home.report().startsWith("IKE: running as home"), "the credentials bound before were let go");
        assertTrue(lab.home.report().contains("IKE SAs: none"), "the engine before closed its SAs");
        assertEquals(1, lab.home.database.installed.size(), "the SA pair stays while the peer is listed");
        assertEquals(KeyingState.NONE, single(lab.home.component.status()).state(), "no IKE SA keys it any more");
        assertEquals(KeyingState.UP, KeyingLab.value(lab.home.key(lab.laptop)).state(), "a new IKE SA keys it");
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size(), "the laptop replaced the pair of the IKE SA forgotten");
        assertEquals(1, lab.laptop.component.report().sas().size(), lab.laptop.report());

        lab.home.component.unbindCredentials(first);

        assertTrue(lab.home.report().startsWith("IKE: idle: not signed in"), lab.home.report());
    }

    @Test
    void aHostRunsIkeUnderTheNameItsCertificateNamesBeforeItsIdentityTakesIt() {
        // given a laptop that joined (its certificate names "laptop") while still called by the machine's own name
        lab.laptop.identity.rename("vm");
        lab.bothListEachOther();

        // then IKE runs as the certificate's name, which home checks the ID against, and keys home at once
        assertTrue(lab.laptop.report().startsWith("IKE: running as laptop.alice.members.example"), lab.laptop.report());
        assertEquals(KeyingState.UP, KeyingLab.value(lab.laptop.key(lab.home)).state());

        // and when the identity takes the invite's name (the join renames the host after enrolling), nothing restarts
        lab.laptop.renamed("laptop");
        assertEquals(KeyingState.UP, single(lab.laptop.component.status()).state());
        assertFalse(lab.laptop.log.has(LogLevel.INFO, "IKE: this host is now laptop.alice.members.example"));
    }

    @Test
    void aPeerThatLeavesTheDirectoryLosesItsSaPairAndIkeSa() {
        lab.bothKeyed();
        List<KeyingStatus> told = new ArrayList<>();
        lab.home.component.addKeyingListener(told::add);

        lab.home.drops(lab.laptop);

        assertTrue(lab.home.database.installed.isEmpty());
        assertEquals(KeyingState.NONE, told.get(told.size() - 1).state());
        assertEquals("left the peer directory", told.get(told.size() - 1).detail());
        assertTrue(lab.home.component.status().isEmpty());
        String report = lab.home.report();
        assertTrue(report.contains("IKE SAs: none"), report);
        assertTrue(report.contains("Peers: none"), report);
    }

    @Test
    void aPeerBackWithAnotherUlaIsKeyedAnew() throws Exception {
        lab.bothKeyed();
        SaSpec first = single(lab.home.database.installed);
        Inet6Address other = (Inet6Address) InetAddress.getByName("fd00::3");

        lab.home.component.peerChanged(Optional.of(lab.laptop.asPeer()), Optional.of(new Peer("laptop", other,
                Optional.of(lab.laptop.endpoint), lab.clock.instant(), "dns-push")));

        assertTrue(lab.home.database.installed.stream().noneMatch(spec -> spec.peer().equals(first.peer())),
                "the SA pair of the old ULA is gone");
        assertEquals(KeyingState.NONE, single(lab.home.component.status()).state());
        lab.home.component.key(other);
        assertTrue(lab.home.log.has(LogLevel.INFO, "initiating an IKE SA with laptop"));
    }

    @Test
    void aPeerWhoseCertificateIsRevokedLosesItsSaPairAndIsNotKeyedAgain() {
        lab.bothKeyed();

        lab.revocations.revoke(lab.laptop.certificate);

        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.home.log.has(LogLevel.WARN, "the certificate of laptop was revoked"));
        assertEquals("laptop: its certificate was revoked (homeward:ike initiate laptop keys it again)",
                KeyingLab.failure(lab.home.key(lab.laptop)));
        lab.scheduler.advance(Duration.ofMinutes(10));
        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.home.report().contains("FAILED for 600 s (its certificate was revoked)"), lab.home.report());
    }

    @Test
    void peersKeyedByHandAreLeftAlone() {
        lab.home.keyedByHand.add("laptop");
        lab.laptop.keyedByHand.add("home");
        lab.bothListEachOther();

        assertEquals("laptop is keyed by hand (io.homeward.tunnel.manualsa); IKE leaves it alone",
                KeyingLab.failure(lab.home.key(lab.laptop)));
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

        String failure = KeyingLab.failure(lab.laptop.key(lab.home));

        assertTrue(failure.startsWith("IKE with home at /198.51.100.20:4500 failed: no Child SA:"
                + " home.alice.members.example answered TS_UNACCEPTABLE; next try when asked after "), failure);
        assertEquals(List.of(manual), lab.home.database.installed);
        assertTrue(lab.laptop.database.installed.isEmpty());
        assertTrue(lab.laptop.report().contains("FAILED for 0 s (IKE with home"), lab.laptop.report());

        lab.home.drops(lab.laptop);
        assertEquals(List.of(manual), lab.home.database.installed, "IKE removes only the SA pairs it installed");
    }

    @Test
    void aPeerBehindAFilteringNatIsKeyedFromItsSideWhileThisSideFailsWithTheReason() {
        lab.laptop.filtersUnsolicited = true;
        lab.bothListEachOther();
        Promise<KeyingStatus> fromHome = lab.home.key(lab.laptop);
        assertEquals(KeyingState.KEYING, single(lab.home.component.status()).state());

        lab.scheduler.advance(Duration.ofSeconds(170));

        String failure = KeyingLab.failure(fromHome);
        assertTrue(failure.startsWith("IKE with laptop at /192.0.2.10:4500 failed: no response to IKE_SA_INIT request 0"
                + " after 6 sendings"), failure);
        assertTrue(lab.home.database.installed.isEmpty(), "the café NAT dropped it");
        assertEquals(KeyingState.UP, KeyingLab.value(lab.laptop.key(lab.home)).state(), "the laptop opens the path");
        SaSpec atHome = single(lab.home.database.installed);
        SaSpec atLaptop = single(lab.laptop.database.installed);
        assertEquals(atHome.inboundSpi(), atLaptop.outboundSpi());
        assertEquals(atHome.outboundSpi(), atLaptop.inboundSpi());
        assertEquals(KeyingState.UP, KeyingLab.value(lab.home.key(lab.laptop)).state(), "then home has it at once");
    }

    @Test
    void aKeyingUnderWayIsJoinedAndAnUnansweredPeerIsGuardedAgainstHammering() {
        lab.home.start().signIn();
        lab.home.lists(lab.laptop);
        Promise<KeyingStatus> first = lab.home.key(lab.laptop);
        int sent = lab.home.sent;
        Promise<KeyingStatus> second = lab.home.key(lab.laptop);
        assertEquals(sent, lab.home.sent, "the second joins the first");

        lab.scheduler.advance(Duration.ofSeconds(170));

        String failure = KeyingLab.failure(first);
        assertEquals(failure, KeyingLab.failure(second));
        assertTrue(failure.endsWith("next try when asked after 00:02:55 UTC"), failure);
        sent = lab.home.sent;
        assertEquals(failure, KeyingLab.failure(lab.home.key(lab.laptop)), "within the guard it fails at once");
        assertEquals(sent, lab.home.sent);

        lab.laptop.start().signIn();
        lab.laptop.lists(lab.home);
        lab.scheduler.advance(Duration.ofSeconds(10));

        assertEquals(KeyingState.UP, KeyingLab.value(lab.home.key(lab.laptop)).state());
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size());
    }

    @Test
    void listenersAreToldEveryChangeAndCloseDeletesTheSasOnBothSides() {
        lab.bothListEachOther();
        List<KeyingStatus> told = new ArrayList<>();
        KeyingListener listener = told::add;
        lab.home.component.addKeyingListener(listener);
        lab.home.component.addKeyingListener(listener);

        KeyingLab.value(lab.home.key(lab.laptop));
        assertTrue(lab.home.component.close(lab.laptop.ula, "idle for 10 minutes"));

        assertEquals(List.of(KeyingState.KEYING, KeyingState.UP, KeyingState.NONE),
                told.stream().map(KeyingStatus::state).toList());
        assertEquals("closed: idle for 10 minutes", told.get(2).detail());
        assertTrue(lab.home.log.has(LogLevel.INFO, "IKE: closing the IKE SAs with laptop: idle for 10 minutes"));
        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.laptop.database.installed.isEmpty(), "the peer was told: " + lab.laptop.report());
        assertTrue(lab.home.report().contains("IKE SAs: none"), lab.home.report());
        assertTrue(lab.laptop.report().contains("IKE SAs: none"), lab.laptop.report());
        assertFalse(lab.home.component.close(lab.laptop.ula, "again"), "nothing left to close");

        lab.home.component.removeKeyingListener(listener);
        KeyingLab.value(lab.home.key(lab.laptop));
        assertEquals(3, told.size());
    }

    @Test
    void aProbeMeasuresTheRoundTripThroughTheIkeSa() {
        lab.bothListEachOther();
        assertEquals("no IKE SA with laptop to measure the round trip on (key it first)",
                KeyingLab.failure(lab.home.component.probe(lab.laptop.ula)));
        KeyingLab.value(lab.home.key(lab.laptop));
        lab.hold();
        Promise<Duration> probe = lab.home.component.probe(lab.laptop.ula);
        lab.clock.advance(Duration.ofMillis(42));
        lab.release();

        assertEquals(Duration.ofMillis(42), KeyingLab.value(probe));
        assertEquals(Optional.of(Duration.ofMillis(42)), single(lab.home.component.status()).roundTrip());
        assertTrue(lab.home.report().contains("UP for 0 s, RTT 42 ms, SA pair keyed by IKE"), lab.home.report());

        lab.laptop.port.ike = null;
        Promise<Duration> unanswered = lab.home.component.probe(lab.laptop.ula);
        lab.scheduler.advance(Duration.ofSeconds(170));
        assertTrue(KeyingLab.failure(unanswered).startsWith("no answer through the IKE SA: no response to"
                + " INFORMATIONAL request"), KeyingLab.failure(unanswered));
        assertEquals(KeyingState.NONE, single(lab.home.component.status()).state());
    }

    @Test
    void theOperatorDeletesAndInitiatesAgain() {
        lab.bothKeyed();
        IkeCommand command = new IkeCommand(lab.home.component);

        assertEquals("Removed the SA pair with laptop and deleted its IKE SAs; IKE keys it again when asked"
                + " (homeward:ike initiate laptop)", command.ike("delete", "laptop"));
        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.laptop.database.installed.isEmpty(), "the laptop was told");
        lab.scheduler.advance(Duration.ofMinutes(10));
        assertTrue(lab.home.database.installed.isEmpty(), "not keyed again by itself");
        assertTrue(command.ike().contains("closed: deleted by the operator"), command.ike());
        assertEquals("IKE has no SA pair and no IKE SA with laptop", command.ike("delete", "laptop"));

        assertTrue(command.ike("initiate", "laptop")
                .startsWith("Initiating an IKE SA with laptop.alice.members.example"));
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size());
        assertEquals("laptop has an SA pair keyed by IKE already (homeward:ike rekey-ike laptop rekeys it)",
                command.ike("initiate", "laptop"));
        assertEquals("no peer desktop in the peer directory (homeward:peers)", command.ike("initiate", "desktop"));
        assertEquals("usage: homeward:ike [initiate HOST | delete HOST | rekey HOST | rekey-ike HOST]",
                command.ike("renew", "laptop"));
    }

    @Test
    void theOperatorRekeysTheChildSaAndTheIkeSaAndIkeKeepsOwningTheNewPair() {
        lab.bothKeyed();
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
        lab.bothKeyed();

        lab.home.component.deactivate();

        assertTrue(lab.home.database.installed.isEmpty());
        assertEquals(null, lab.home.port.ike);
        assertTrue(lab.laptop.database.installed.isEmpty(), "the peer heard the DELETE: " + lab.laptop.report());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "home deleted its IKE SA with this host"), lab.laptop.log.toString());
        assertTrue(lab.laptop.report().contains("NONE for 0 s (the peer deleted its IKE SA)"), lab.laptop.report());
        lab.scheduler.advance(Duration.ofMinutes(10));
        assertFalse(lab.laptop.log.has(LogLevel.INFO, "IKE: initiating an IKE SA with home"),
                "the peer keys home again only when asked: " + lab.laptop.log);
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
