package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;

/** MOBIKE (RFC 4555) and NAT following (RFC 7296 §2.23) between two engines; the laptop initiated the IKE SA. */
class MobilityTest {
    private final IkeLab lab = new IkeLab();

    @Test
    void theInitiatorMovesAndTheResponderFollowsItsUpdate() throws Exception {
        establish();
        InetSocketAddress train = new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 4500);

        lab.laptop.moveTo("203.0.113.7", 4500);
        lab.laptop.engine.localEndpointMoved("moved to the train");
        lab.run();

        assertEquals(train, lab.home.status().get(0).peerEndpoint());
        assertEquals(train, lab.home.database.installed.get(0).peerEndpoint(), "the Child SA pair moved with it");
        assertTrue(lab.home.log.has(LogLevel.INFO, "UPDATE_SA_ADDRESSES (RFC 4555 §3.5)"), lab.home.log.toString());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "home.alice.members.example took UPDATE_SA_ADDRESSES"),
                "the answer echoed COOKIE2: " + lab.laptop.log);
        IkeLab.Packet answer = lab.sent.get(lab.sent.size() - 1);
        assertEquals(train, answer.to(), "the answer goes to the new path");
        assertEquals(ExchangeType.INFORMATIONAL.code(), answer.message().header().exchangeType());

        lab.scheduler.advance(IkeSettings.DPD_DELAY);
        lab.run();
        assertEquals(IkeSaState.ESTABLISHED, lab.home.status().get(0).state());
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertTrue(lab.home.log.messages(LogLevel.INFO).stream().noneMatch(line -> line.contains("closed")),
                "the checks after the move went both ways on the new path");
    }

    @Test
    void aForgedOrReplayedUpdateFromElsewhereMovesNothing() throws Exception {
        establish();
        IkeSaStatus home = lab.home.status().get(0);
        InetSocketAddress attacker = new InetSocketAddress(InetAddress.getByName("198.18.0.66"), 4500);

        byte[] clear = new IkeMessage(IkeHeader.of(home.initiatorSpi(), home.responderSpi(),
                ExchangeType.INFORMATIONAL, false, true, 2), List.of(NotifyPayload.of(NotifyType.UPDATE_SA_ADDRESSES)))
                .encode();
        lab.home.engine.received(clear, 0, clear.length, attacker);
        lab.laptop.moveTo("203.0.113.7", 4500);
        lab.laptop.engine.localEndpointMoved("moved to the train");
        IkeLab.Packet update = lab.sent.get(lab.sent.size() - 1);
        byte[] tampered = update.data().clone();
        tampered[tampered.length - 1] ^= 1;
        lab.home.engine.received(tampered, 0, tampered.length, attacker);
        assertEquals(home.peerEndpoint(), lab.home.status().get(0).peerEndpoint(),
                "neither an unprotected nor a tampered update moves the IKE SA");

        lab.run();
        InetSocketAddress train = lab.laptop.endpoint;
        assertEquals(train, lab.home.status().get(0).peerEndpoint());
        lab.home.engine.received(update.data(), 0, update.data().length, attacker);
        assertEquals(train, lab.home.status().get(0).peerEndpoint(), "a replay from elsewhere is answered, no more");
    }

    @Test
    void theResponderMovesBehindANatAndTheInitiatorFollowsItsNextRequest() throws Exception {
        InetSocketAddress privateEndpoint = new InetSocketAddress(InetAddress.getByName("10.0.0.5"), 4500);
        lab.laptop.with(settings -> new IkeSettings(settings.ikeProposals(), settings.childProposals(),
                settings.suites(), privateEndpoint, settings.retransmission(), settings.maxMessageLength(),
                settings.halfOpenTimeout()));
        establish();
        assertTrue(lab.laptop.status().get(0).natDetected());

        lab.home.moveTo("198.51.100.99", 4500);
        lab.home.engine.localEndpointMoved("a new mapping");
        lab.run();

        assertEquals(new InetSocketAddress(InetAddress.getByName("198.51.100.99"), 4500),
                lab.laptop.status().get(0).peerEndpoint());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "behind a NAT (RFC 7296 §2.23)"), lab.laptop.log.toString());
        assertTrue(lab.home.log.has(LogLevel.INFO, "telling laptop.alice.members.example from the new path"),
                lab.home.log.toString());
    }

    @Test
    void withMobikeTheResponderDoesNotFollowAPlainRequestFromANewAddress() throws Exception {
        establish();
        InetSocketAddress before = lab.home.status().get(0).peerEndpoint();

        lab.laptop.moveTo("203.0.113.7", 4500);
        lab.scheduler.advance(IkeSettings.DPD_DELAY);
        lab.run();

        assertEquals(before, lab.home.status().get(0).peerEndpoint(), "only UPDATE_SA_ADDRESSES moves it");
        assertTrue(lab.sent.stream().anyMatch(packet -> packet.to().equals(lab.laptop.endpoint)
                && packet.message().header().isResponse()), "but the request is answered where it came from");
        lab.scheduler.advance(Duration.ofSeconds(170));
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state(), "the laptop's check was answered");
    }

    private void establish() {
        lab.initiate();
        lab.run();
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertEquals(IkeSaState.ESTABLISHED, lab.home.status().get(0).state());
    }
}
