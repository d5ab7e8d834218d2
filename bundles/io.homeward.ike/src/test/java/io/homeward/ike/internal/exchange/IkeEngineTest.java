package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.sa.SaSpec;
import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.proposal.ChildProposals;
import io.homeward.ike.internal.proposal.IkeProposals;
import io.homeward.ike.internal.wire.EncryptedFragmentPayload;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.KePayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payloads;

/** Two engines in memory: IKE_SA_INIT, IKE_AUTH with certificates and the first Child SA (RFC 7296 §1.2). */
class IkeEngineTest {
    private final IkeLab lab = new IkeLab();

    @Test
    void bothSidesEstablishTheIkeSaAndInstallMatchingChildSas() {
        long spi = lab.initiate();
        lab.run();

        IkeSaStatus laptop = lab.laptop.status().get(0);
        IkeSaStatus home = lab.home.status().get(0);
        assertEquals(IkeSaState.ESTABLISHED, laptop.state());
        assertEquals(IkeSaState.ESTABLISHED, home.state());
        assertEquals(spi, laptop.initiatorSpi());
        assertEquals(spi, home.initiatorSpi());
        assertEquals(laptop.responderSpi(), home.responderSpi());
        assertEquals(lab.home.fqdn, laptop.peerFqdn());
        assertEquals(lab.laptop.fqdn, home.peerFqdn());
        assertEquals(lab.home.certificate.getSerialNumber(), laptop.peerSerial().orElseThrow());
        assertEquals(lab.laptop.certificate.getSerialNumber(), home.peerSerial().orElseThrow());
        assertEquals("aes-gcm-16/256 HMAC_SHA2_256 CURVE25519", laptop.algorithms());
        assertFalse(laptop.natDetected());
        assertEquals(4, lab.sent.size(), "IKE_SA_INIT and IKE_AUTH, no fragments below 1280 octets");

        SaSpec out = single(lab.laptop.database.installed);
        SaSpec in = single(lab.home.database.installed);
        assertEquals(lab.home.ula, out.peer());
        assertEquals(lab.laptop.ula, in.peer());
        assertEquals(out.inboundSpi(), in.outboundSpi());
        assertEquals(out.outboundSpi(), in.inboundSpi());
        assertArrayEquals(out.inboundKey(), in.outboundKey());
        assertArrayEquals(out.outboundKey(), in.inboundKey());
        assertFalse(Arrays.equals(out.inboundKey(), out.outboundKey()));
        assertEquals(36, out.inboundKey().length, "AES-256 key and 4-octet salt");
        assertEquals("aes-gcm-16", out.suite());
        assertEquals(in.suite(), out.suite());
        assertTrue(out.esn() && in.esn(), "ESN is offered first and chosen by a responder that prefers it");
        assertEquals(lab.home.endpoint, out.peerEndpoint());
        assertEquals(lab.laptop.endpoint, in.peerEndpoint());
    }

    @Test
    void theEventsHearOfTheChildSasAndOfAnSaClosedHere() {
        long spi = lab.initiate();
        lab.run();

        assertEquals(lab.laptop.database.installed, lab.laptop.childrenTold);
        assertEquals(lab.home.database.installed, lab.home.childrenTold);
        assertEquals(spi, lab.laptop.status().get(0).localSpi());
        assertTrue(lab.laptop.engine.close(spi, "deleted by the operator"));
        assertFalse(lab.laptop.engine.close(spi, "again"));
        assertTrue(lab.laptop.status().isEmpty());
        assertEquals(List.of("deleted by the operator"), lab.laptop.closedTold);
        assertEquals(1, lab.laptop.database.installed.size(), "closing the IKE SA leaves its Child SA");
    }

    @Test
    void aDeleteFromEitherSideClosesTheIkeSaOnBothAndTellsThePeersEvents() {
        long spi = lab.initiate();
        lab.run();
        long homeSpi = lab.home.status().get(0).localSpi();

        assertTrue(lab.home.engine.delete(homeSpi, "IKE stops"));
        lab.run();

        assertTrue(lab.home.status().isEmpty());
        assertTrue(lab.laptop.status().isEmpty(), "the initiator heard the responder's DELETE");
        assertEquals(List.of("deleted by the peer", "deleted by the peer (INFORMATIONAL DELETE)"), lab.laptop.closedTold);
        assertEquals(List.of("IKE stops"), lab.home.closedTold);
        assertFalse(lab.laptop.engine.delete(spi, "again"));

        long second = lab.initiate();
        lab.run();
        assertTrue(lab.laptop.engine.delete(second, "shutdown"));
        lab.run();
        assertTrue(lab.home.status().isEmpty(), "the responder heard the initiator's DELETE");
    }

    @Test
    void aResponderWithoutEspEsnChoosesTheProposalWithout() {
        lab.home.with(settings -> new IkeSettings(settings.ikeProposals(),
                new ChildProposals(settings.childProposals().ciphers(),
                        List.of(false), settings.childProposals().groups()),
                settings.suites(), settings.localEndpoint(), settings.retransmission(), settings.maxMessageLength(),
                settings.halfOpenTimeout()));
        lab.initiate();
        lab.run();

        assertFalse(single(lab.laptop.database.installed).esn());
        assertFalse(single(lab.home.database.installed).esn());
    }

    @Test
    void anInitiatorRetriesWithTheGroupInvalidKePayloadNames() {
        lab.home.with(settings -> new IkeSettings(new IkeProposals(settings.ikeProposals().ciphers(),
                settings.ikeProposals().prfs(), List.of(KeyExchangeGroup.ECP_256)), settings.childProposals(),
                settings.suites(), settings.localEndpoint(), settings.retransmission(), settings.maxMessageLength(),
                settings.halfOpenTimeout()));
        lab.initiate();
        lab.run();

        IkeMessage refusal = lab.sent.get(1).message();
        assertEquals(List.of(NotifyPayload.class), refusal.payloads().stream().map(Object::getClass).toList());
        assertEquals(1, refusal.notifies(NotifyType.INVALID_KE_PAYLOAD).size());
        assertArrayEquals(new byte[] {0, 19}, refusal.notifies(NotifyType.INVALID_KE_PAYLOAD).get(0).data());
        assertEquals(19, lab.sent.get(2).message().first(KePayload.class).orElseThrow().group());
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertTrue(lab.laptop.status().get(0).algorithms().endsWith("ECP_256"));
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size());
    }

    @Test
    void aResponderWithManySasHalfOpenAsksForACookieAndKeepsNoStateUntilItComes() {
        lab.home.halfOpen = new HalfOpenCounter(0, 3, 1000);
        lab.initiate();
        lab.step();

        assertTrue(lab.home.status().isEmpty(), "no state for a request without a cookie");
        lab.step();
        IkeMessage askedFor = lab.sent.get(1).message();
        IkeMessage again = lab.sent.get(2).message();
        byte[] cookie = askedFor.notifies(NotifyType.COOKIE).get(0).data();
        assertEquals(33, cookie.length);
        NotifyPayload first = (NotifyPayload) again.payloads().get(0);
        assertTrue(first.is(NotifyType.COOKIE));
        assertArrayEquals(cookie, first.data());
        assertArrayEquals(Payloads.encode(lab.sent.get(0).message().payloads()),
                Payloads.encode(again.payloads().subList(1, again.payloads().size())),
                "the same request, the cookie first (RFC 7296 §2.6)");
        lab.run();

        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertEquals(IkeSaState.ESTABLISHED, lab.home.status().get(0).state());
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(0, lab.home.halfOpen.total());
    }

    @Test
    void aForgedCookieIsAnsweredWithAnotherRequestForOne() {
        lab.home.halfOpen = new HalfOpenCounter(0, 3, 1000);
        lab.initiate();
        lab.step();
        lab.step();
        byte[] forged = lab.sent.get(2).data().clone();
        forged[40] ^= 1;

        lab.home.engine.received(forged, 0, forged.length, lab.laptop.endpoint);

        assertTrue(lab.home.status().isEmpty());
        assertEquals(1, lab.sent.get(3).message().notifies(NotifyType.COOKIE).size());
        lab.run();
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
    }

    @Test
    void largeIkeAuthMessagesTravelInFragmentsNoLargerThanTheLimit() {
        int limit = 400;
        lab.laptop.with(settings -> smallMessages(settings, limit));
        lab.home.with(settings -> smallMessages(settings, limit));
        lab.initiate();
        lab.run();

        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertEquals(IkeSaState.ESTABLISHED, lab.home.status().get(0).state());
        List<IkeLab.Packet> fragments = lab.sent.stream()
                .filter(packet -> packet.message().first(EncryptedFragmentPayload.class).isPresent()).toList();
        assertTrue(fragments.size() >= 4, "both IKE_AUTH messages fragmented: " + fragments.size());
        assertTrue(lab.sent.stream().filter(packet -> packet.message().header().exchangeType()
                == ExchangeType.IKE_AUTH.code()).allMatch(packet -> packet.data().length <= limit));
        assertArrayEquals(single(lab.laptop.database.installed).outboundKey(),
                single(lab.home.database.installed).inboundKey());
    }

    @Test
    void aLostFragmentMakesTheWholeRequestComeAgainAndARepeatedOneIsAnsweredFromTheCache() {
        lab.laptop.with(settings -> smallMessages(settings, 400));
        lab.home.with(settings -> smallMessages(settings, 400));
        boolean[] lost = {false};
        lab.lose = packet -> packet.message().first(EncryptedFragmentPayload.class)
                .filter(skf -> skf.fragmentNumber() == 2 && !packet.message().header().isResponse()).isPresent()
                && !lost[0] && (lost[0] = true);
        lab.initiate();
        lab.run();
        assertEquals(IkeSaState.AUTH_SENT, lab.laptop.status().get(0).state());
        assertEquals(IkeSaState.HALF_OPEN, lab.home.status().get(0).state());

        lab.scheduler.advance(Duration.ofSeconds(4));
        lab.run();
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        int responses = lab.sent.size();
        List<IkeLab.Packet> request = lab.sent.stream().filter(packet -> !packet.message().header().isResponse()
                && packet.message().header().messageId() == 1).toList();
        request.subList(request.size() / 2, request.size()).forEach(lab::deliver);
        lab.run();

        assertTrue(lab.sent.size() > responses, "the whole response again");
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size());
    }

    @Test
    void defaultSettingsLimitMessagesTo1280OctetDatagrams() {
        assertEquals(1228, IkeSettings.MAX_MESSAGE_LENGTH);
    }

    @Test
    void aLostRequestIsSentAgainAfterFourSecondsAndTheExchangeCompletes() {
        boolean[] lost = {false};
        lab.lose = packet -> packet.message().header().exchangeType() == ExchangeType.IKE_AUTH.code()
                && !packet.message().header().isResponse() && !lost[0] && (lost[0] = true);
        lab.initiate();
        lab.run();
        assertEquals(IkeSaState.AUTH_SENT, lab.laptop.status().get(0).state());

        lab.scheduler.advance(Duration.ofMillis(3999));
        lab.run();
        assertEquals(IkeSaState.AUTH_SENT, lab.laptop.status().get(0).state());
        lab.scheduler.advance(Duration.ofMillis(1));
        lab.run();

        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertEquals(1, lab.laptop.database.installed.size());
        assertEquals(5, lab.sent.size());
    }

    @Test
    void aLostResponseMakesTheRequestComeAgainAndTheCacheAnswersIt() {
        boolean[] lost = {false};
        lab.lose = packet -> packet.message().header().exchangeType() == ExchangeType.IKE_AUTH.code()
                && packet.message().header().isResponse() && !lost[0] && (lost[0] = true);
        lab.initiate();
        lab.run();
        assertEquals(IkeSaState.ESTABLISHED, lab.home.status().get(0).state());

        lab.scheduler.advance(Duration.ofSeconds(4));
        lab.run();

        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertEquals(1, lab.home.database.installed.size(), "the repeated request made no second Child SA");
        assertArrayEquals(lab.sent.get(3).data(), lab.sent.get(5).data(), "the cached response, octet for octet");
    }

    @Test
    void aDuplicatedIkeSaInitRequestIsAnsweredFromTheCache() {
        lab.initiate();
        IkeLab.Packet request = lab.step();
        lab.deliver(request);
        lab.run();

        assertArrayEquals(lab.sent.get(1).data(), lab.sent.get(2).data());
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(1, lab.home.status().size());
    }

    @Test
    void aSilentPeerIsGivenUpAfterFiveRetransmissions() {
        lab.lose = packet -> packet.to().equals(lab.home.endpoint);
        lab.initiate();
        lab.run();

        lab.scheduler.advance(Duration.ofSeconds(164));
        lab.run();
        assertEquals(1, lab.laptop.status().size());
        assertEquals(6, lab.sent.size(), "first sending and five retransmissions: " + lab.sent.size());
        lab.scheduler.advance(Duration.ofSeconds(2));

        assertTrue(lab.laptop.status().isEmpty());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "taken for dead"), lab.laptop.log.toString());
    }

    @Test
    void aHalfOpenSaIsDroppedAfterThirtySeconds() {
        lab.lose = packet -> packet.message().header().exchangeType() == ExchangeType.IKE_AUTH.code();
        lab.initiate();
        lab.run();
        assertEquals(1, lab.home.halfOpen.total());

        lab.scheduler.advance(Duration.ofSeconds(30));

        assertTrue(lab.home.status().isEmpty());
        assertEquals(0, lab.home.halfOpen.total());
    }

    @Test
    void garbageAndForgeriesChangeNothing() {
        lab.initiate();
        lab.run();
        List<IkeSaStatus> laptop = lab.laptop.status();
        List<IkeSaStatus> home = lab.home.status();
        int sent = lab.sent.size();
        byte[] authRequest = lab.sent.get(2).data();
        byte[] tampered = authRequest.clone();
        tampered[tampered.length - 20] ^= 0x40;
        byte[] nextId = authRequest.clone();
        nextId[23] = 2;
        byte[] unknownSpi = authRequest.clone();
        unknownSpi[10] ^= 1;

        for (byte[] datagram : List.of(new byte[0], new byte[] {1, 2, 3}, new byte[200], Arrays.copyOf(authRequest,
                100), tampered, nextId, unknownSpi, random(1000))) {
            lab.home.engine.received(datagram, 0, datagram.length, lab.laptop.endpoint);
            lab.laptop.engine.received(datagram, 0, datagram.length, lab.home.endpoint);
        }

        assertEquals(laptop, lab.laptop.status());
        assertEquals(home, lab.home.status());
        assertEquals(sent, lab.sent.size(), "nothing answered");
        assertEquals(1, lab.home.database.installed.size());
    }

    @Test
    void anIkeSaInitRequestWithoutKeyExchangeIsDropped() {
        lab.laptop.start();
        lab.home.start();
        byte[] request = new IkeMessage(IkeHeader.of(7, 0, ExchangeType.IKE_SA_INIT,
                false, true, 0), List.of(lab.home.settings.ikeProposals().offer(new byte[0]))).encode();

        lab.home.engine.received(request, 0, request.length, lab.laptop.endpoint);

        assertTrue(lab.sent.isEmpty());
        assertTrue(lab.home.status().isEmpty());
    }

    @Test
    void selectorsWithoutThePeersUlaLeaveTheIkeSaUpWithoutAChildSa() throws Exception {
        lab.laptop.start();
        lab.home.start();
        lab.laptop.engine.initiate(lab.home.fqdn, (Inet6Address) InetAddress.getByName("fd00::99"),
                lab.home.endpoint);
        lab.run();

        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertEquals(IkeSaState.ESTABLISHED, lab.home.status().get(0).state());
        assertTrue(lab.laptop.database.installed.isEmpty());
        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.laptop.log.has(LogLevel.WARN, "TS_UNACCEPTABLE"), lab.laptop.log.toString());
        assertEquals(List.of("no child: traffic selectors refused (TS_UNACCEPTABLE)"), lab.home.closedTold);
        assertEquals(List.of("no child: " + lab.home.fqdn + " answered TS_UNACCEPTABLE"), lab.laptop.closedTold);
    }

    @Test
    void aResponderThatIsNotTheHostAskedForIsRefused() throws Exception {
        lab.laptop.start();
        lab.home.start();
        lab.laptop.engine.initiate("desktop.alice.members.example", lab.home.ula, lab.home.endpoint);
        lab.run();

        assertTrue(lab.laptop.status().isEmpty());
        assertTrue(lab.laptop.database.installed.isEmpty());
        assertTrue(lab.laptop.log.has(LogLevel.WARN, "expected desktop.alice.members.example"),
                lab.laptop.log.toString());
    }

    @Test
    void natDetectionSeesTheLaptopsPrivateAddress() throws Exception {
        InetSocketAddress privateEndpoint = new InetSocketAddress(InetAddress.getByName("10.0.0.5"), 4500);
        lab.laptop.with(settings -> new IkeSettings(settings.ikeProposals(), settings.childProposals(),
                settings.suites(), privateEndpoint, settings.retransmission(), settings.maxMessageLength(),
                settings.halfOpenTimeout()));
        lab.initiate();
        lab.run();

        assertTrue(lab.laptop.status().get(0).natDetected());
        assertTrue(lab.home.status().get(0).natDetected());
        assertEquals(1, lab.home.database.installed.size());
    }

    static IkeSettings smallMessages(IkeSettings settings, int limit) {
        return new IkeSettings(settings.ikeProposals(), settings.childProposals(), settings.suites(),
                settings.localEndpoint(), settings.retransmission(), limit, settings.halfOpenTimeout());
    }

    private byte[] random(int length) {
        byte[] bytes = new byte[length];
        lab.random.nextBytes(bytes);
        return bytes;
    }

    private static SaSpec single(List<SaSpec> specs) {
        assertEquals(1, specs.size(), specs.toString());
        return specs.get(0);
    }
}
