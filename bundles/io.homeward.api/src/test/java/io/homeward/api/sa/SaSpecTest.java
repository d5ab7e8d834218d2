package io.homeward.api.sa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SaSpecTest {
    private static final InetSocketAddress ENDPOINT = new InetSocketAddress("203.0.113.7", 4500);

    private static Inet6Address peer() throws Exception {
        return (Inet6Address) InetAddress.getByName("fd77:1e08:2f6c:d913:226:bbff:fe12:3456");
    }

    @Test
    void aSpecWithoutTheEsnChoiceKeepsEsnOnAsBefore() throws Exception {
        SaSpec spec = new SaSpec(peer(), 0x1000, 0x2000, "aes-gcm-16", new byte[20], new byte[20], ENDPOINT);
        SaStatus status = new SaStatus(peer(), 0x1000, 0x2000, "aes-gcm-16", ENDPOINT, 0, 0, 0, 0, Map.of());

        assertTrue(spec.esn());
        assertTrue(status.esn());
    }

    @Test
    void theEsnChoiceShowsInTheLogTextButNoKey() throws Exception {
        byte[] key = {(byte) 0xab, (byte) 0xcd, (byte) 0xef, 0x01};
        SaSpec spec = new SaSpec(peer(), 0x1000, 0x2000, "chacha20-poly1305", key, key, ENDPOINT, false);

        assertFalse(spec.esn());
        assertEquals("SaSpec[peer=/fd77:1e08:2f6c:d913:226:bbff:fe12:3456, in=1000, out=2000, suite=chacha20-poly1305,"
                + " esn=off, replay window=4096, endpoint=" + ENDPOINT + "]", spec.toString());
    }

    @Test
    void aReplayWindowOutsideRfc4303sRangeIsRefusedAndAMoveKeepsTheRest() throws Exception {
        byte[] key = new byte[20];
        assertThrows(IllegalArgumentException.class, () -> new SaSpec(peer(), 0x1000, 0x2000, "aes-gcm-16", key, key,
                ENDPOINT, true, SaSpec.MIN_REPLAY_WINDOW - 1));
        assertThrows(IllegalArgumentException.class, () -> new SaSpec(peer(), 0x1000, 0x2000, "aes-gcm-16", key, key,
                ENDPOINT, true, SaSpec.MAX_REPLAY_WINDOW + 1));
        SaSpec spec = new SaSpec(peer(), 0x1000, 0x2000, "aes-gcm-16", key, key, ENDPOINT, false, 64);
        InetSocketAddress moved = new InetSocketAddress("198.51.100.9", 61000);

        SaSpec there = spec.withPeerEndpoint(moved);

        assertEquals(moved, there.peerEndpoint());
        assertEquals(64, there.replayWindow());
        assertFalse(there.esn());
        assertEquals(spec.inboundSpi(), there.inboundSpi());
    }
}
