package io.homeward.ike.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.keying.KeyingState;
import io.homeward.api.peers.Peer;
import io.homeward.api.tunnel.TunnelDatagramHandler;
import io.homeward.testkit.FakePublicEndpoints;

/**
 * The IKE component's liveness checks, revocation and moves through fake tunnel ports: home has the lower ULA and
 * is asked to key the laptop.
 */
class IkeComponentMobilityTest {
    private final KeyingLab lab = new KeyingLab();

    @Test
    void whenThePublicEndpointMovesTheInitiatorSendsUpdateSaAddresses() {
        FakePublicEndpoints endpoints = new FakePublicEndpoints(Optional.of(new PublicEndpoint(
                new InetSocketAddress("198.51.100.20", 4500), EndpointSource.MAPPING)));
        lab.bothKeyed();
        lab.home.component.bindPublicEndpoints(endpoints);
        assertEquals(1, endpoints.listeners().size(), "the listener is added on the service");
        endpoints.report(endpoints.current());
        assertTrue(lab.home.log.messages(LogLevel.INFO).stream().noneMatch(line -> line.contains("UPDATE_SA")),
                "the same endpoint again is no move");

        endpoints.report(Optional.of(new PublicEndpoint(new InetSocketAddress("203.0.113.9", 61000),
                EndpointSource.STUN)));

        assertTrue(lab.home.log.has(LogLevel.INFO, "this host's public endpoint moved from /198.51.100.20:4500 to"
                + " /203.0.113.9:61000 (STUN); sending UPDATE_SA_ADDRESSES"), lab.home.log.toString());
        assertTrue(lab.home.log.has(LogLevel.INFO, "took UPDATE_SA_ADDRESSES"), lab.home.log.toString());
        assertEquals(1, lab.home.database.installed.size());
        lab.home.component.unbindPublicEndpoints(endpoints);
        assertTrue(endpoints.listeners().isEmpty());
    }

    @Test
    void aPeerTheDirectoryMovesIsTalkedToThereByItsIkeSaAndItsPairs() {
        lab.bothKeyed();
        InetSocketAddress moved = new InetSocketAddress("198.51.100.77", 4500);
        Peer listed = lab.home.asPeer();
        Peer elsewhere = new Peer(listed.hostName(), listed.ula(), Optional.of(moved), listed.changed(), "dns-push");

        lab.laptop.component.peerChanged(Optional.of(listed), Optional.of(elsewhere));

        assertTrue(lab.laptop.log.has(LogLevel.INFO, "to /198.51.100.77:4500: the peer directory has it there"),
                lab.laptop.log.toString());
        assertEquals(moved, lab.laptop.database.installed.get(0).peerEndpoint());
        assertTrue(lab.laptop.report().contains("198.51.100.77:4500"), lab.laptop.report());
        long moves = lab.laptop.log.messages(LogLevel.INFO).stream().filter(line -> line.contains("moved from")).count();

        lab.laptop.component.peerChanged(Optional.of(elsewhere), Optional.of(elsewhere));
        assertEquals(moves, lab.laptop.log.messages(LogLevel.INFO).stream().filter(line -> line.contains("moved from"))
                .count(), "the same endpoint again is no move");
    }

    @Test
    void peersTakenForDeadLoseTheirSaPairsAndAreKeyedAgainWhenThePathIsBack() {
        lab.bothKeyed();
        TunnelDatagramHandler laptopIke = lab.laptop.port.ike;
        TunnelDatagramHandler homeIke = lab.home.port.ike;
        lab.laptop.port.ike = null;
        lab.home.port.ike = null;

        lab.scheduler.advance(Duration.ofSeconds(29));
        assertEquals(1, lab.home.database.installed.size(), "no check before 30 s of silence");
        lab.scheduler.advance(Duration.ofSeconds(1 + 166));

        assertTrue(lab.home.database.installed.isEmpty(), lab.home.report());
        assertTrue(lab.laptop.database.installed.isEmpty(), lab.laptop.report());
        assertTrue(lab.home.log.has(LogLevel.INFO, "the peer is taken for dead (RFC 7296 §2.4)); its SA pair"
                + " removed"), lab.home.log.toString());
        assertEquals(KeyingState.NONE, lab.home.component.status().get(0).state());

        lab.laptop.port.ike = laptopIke;
        lab.home.port.ike = homeIke;
        assertEquals(KeyingState.UP, KeyingLab.value(lab.home.key(lab.laptop)).state());

        assertEquals(1, lab.home.database.installed.size(), lab.home.report());
        assertEquals(1, lab.laptop.database.installed.size(), lab.laptop.report());
        assertEquals(lab.home.database.installed.get(0).inboundSpi(),
                lab.laptop.database.installed.get(0).outboundSpi());
    }

    @Test
    void aRevokedPeerIsDeletedAtOnceAndRefusedWhenItTriesAgain() {
        lab.bothKeyed();

        lab.revocations.revoke(lab.laptop.certificate);

        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.home.log.has(LogLevel.WARN, "the certificate of laptop was revoked; its SA pair removed, its"
                + " IKE SAs deleted"), lab.home.log.toString());
        assertTrue(lab.laptop.database.installed.isEmpty(), "the DELETE reached the laptop: " + lab.laptop.report());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "home deleted its IKE SA with this host"),
                lab.laptop.log.toString());

        String failure = KeyingLab.failure(lab.laptop.key(lab.home));

        assertTrue(failure.contains("failed: AUTHENTICATION_FAILED from the responder"), failure);
        assertTrue(lab.home.log.has(LogLevel.WARN, "refused, rule REVOKED"), lab.home.log.toString());
        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.laptop.database.installed.isEmpty());
    }
}
