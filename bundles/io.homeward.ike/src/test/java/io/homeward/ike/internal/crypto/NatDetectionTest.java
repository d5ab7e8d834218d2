package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

/** NAT detection hashes (RFC 7296 §2.23) for IPv6 endpoints and with both SPIs. */
class NatDetectionTest {

    @Test
    void anIpv6EndpointHashesItsSixteenOctetsAndPort() throws Exception {
        InetSocketAddress endpoint = new InetSocketAddress("2001:db8::1", 4500);
        byte[] input = ByteBuffer.allocate(34).putLong(1).putLong(2).put(endpoint.getAddress().getAddress())
                .putShort((short) 4500).array();

        byte[] hash = NatDetection.hash(1, 2, endpoint);

        assertEquals(NatDetection.LENGTH, hash.length);
        assertTrue(MessageDigest.isEqual(MessageDigest.getInstance("SHA-1").digest(input), hash));
        assertTrue(NatDetection.matches(hash, 1, 2, endpoint));
        assertFalse(NatDetection.matches(hash, 1, 2, new InetSocketAddress("2001:db8::1", 4501)));
        assertFalse(NatDetection.matches(hash, 1, 3, endpoint));
    }
}
