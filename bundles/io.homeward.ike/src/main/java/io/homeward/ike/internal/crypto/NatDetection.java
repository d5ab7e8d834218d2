package io.homeward.ike.internal.crypto;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * NAT_DETECTION_SOURCE_IP and NAT_DETECTION_DESTINATION_IP data (RFC 7296 §2.23): SHA-1(SPIi | SPIr | IP | port),
 * the address in network order (4 or 16 octets), the port in 2; SPIr is zero in the first IKE_SA_INIT request.
 */
public final class NatDetection {
    public static final int LENGTH = 20;

    private NatDetection() {
    }

    public static byte[] hash(long initiatorSpi, long responderSpi, InetSocketAddress endpoint) {
        byte[] address = endpoint.getAddress().getAddress();
        ByteBuffer input = ByteBuffer.allocate(16 + address.length + 2).putLong(initiatorSpi).putLong(responderSpi)
                .put(address).putShort((short) endpoint.getPort());
        try {
            return MessageDigest.getInstance("SHA-1").digest(input.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform lacks SHA-1", e);
        }
    }

    /** Whether a received hash names this endpoint; constant time. */
    public static boolean matches(byte[] received, long initiatorSpi, long responderSpi, InetSocketAddress endpoint) {
        return MessageDigest.isEqual(received, hash(initiatorSpi, responderSpi, endpoint));
    }
}
