package io.homeward.ike.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.service.log.LogLevel;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.sa.SaSpec;

/**
 * A host that crashed and started again without a word still has an IKE SA and SA pair at its peer, which it no longer
 * knows. Its first IKE_AUTH says INITIAL_CONTACT (RFC 7296 §2.4), and the peer drops what it held at once, whichever
 * host has the lower ULA and whichever started the old IKE SA: the new IKE SA keys the pair instead of being refused
 * (simultaneous start) until dead-peer detection gives the old one up minutes later.
 */
class PeerRestartTest {
    private final KeyingLab lab = new KeyingLab();

    @ParameterizedTest(name = "{0} restarts, the old IKE SA initiated by {1}")
    @CsvSource({"laptop, home", "laptop, laptop", "home, home", "home, laptop"})
    void theRestartedHostKeysAtOnceAndItsPeerDropsTheIkeSaAndPairItHeld(String restarting, String oldInitiator) {
        lab.bothListEachOther();
        KeyingLab.Host restarted = host(restarting);
        KeyingLab.Host peer = other(restarted);
        KeyingLab.Host initiator = host(oldInitiator);
        assertEquals(KeyingState.UP, KeyingLab.value(initiator.key(other(initiator))).state());
        SaSpec old = single(peer.database.installed);

        restarted.restart(peer);
        assertEquals(KeyingState.NONE, single(restarted.component.status()).state());
        // The clock stands still until the loop below: keyed at once, not after dead-peer detection gave up.
        KeyingStatus keyed = KeyingLab.value(restarted.key(peer));

        assertEquals(KeyingState.UP, keyed.state());
        assertTrue(peer.log.has(LogLevel.INFO, "IKE: " + restarted.name + " restarted and forgot its IKE SA with this"
                + " host; its SA pair goes too"), peer.log.toString());
        assertEquals(1, peer.log.count(LogLevel.INFO, "closed without DELETE (RFC 7296 §2.4)"), peer.log.toString());
        assertNotEquals(old.inboundSpi(), single(peer.database.installed).inboundSpi(), "the old pair went");
        for (int check = 0; check < 2; check++) {
            SaSpec atRestarted = single(restarted.database.installed);
            SaSpec atPeer = single(peer.database.installed);
            assertEquals(atRestarted.inboundSpi(), atPeer.outboundSpi(), restarted.report() + peer.report());
            assertEquals(atRestarted.outboundSpi(), atPeer.inboundSpi());
            assertTrue(single(restarted.component.report().sas()).initiator(), restarted.report());
            assertFalse(single(peer.component.report().sas()).initiator(), peer.report());
            assertEquals(KeyingState.UP, single(restarted.component.status()).state());
            assertEquals(KeyingState.UP, single(peer.component.status()).state());
            lab.scheduler.advance(Duration.ofMinutes(1));
        }
    }

    private KeyingLab.Host host(String name) {
        return name.equals(lab.home.name) ? lab.home : lab.laptop;
    }

    private KeyingLab.Host other(KeyingLab.Host host) {
        return host == lab.home ? lab.laptop : lab.home;
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
