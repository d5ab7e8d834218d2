package io.homeward.ike.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any datagram on the tunnel port behind the non-ESP marker, read the way the IKE responder reads it: it decodes or
 * is refused with {@link IkeFormatException}, nothing else. What decodes encodes to a message that decodes to the
 * same octets again, and the sealed part of an SK payload, read as the payload chain it would hold once opened, obeys
 * the same rules. The datagram sits at the end of a larger buffer, so that a read past its end fails instead of
 * seeing neighbouring bytes.
 */
class IkeMessageFuzzTest {
    private static final int OFFSET = 5;

    @FuzzTest(maxDuration = "10s")
    void aDatagramDecodesOrIsRefused(byte[] datagram) {
        byte[] buffer = new byte[OFFSET + datagram.length];
        System.arraycopy(datagram, 0, buffer, OFFSET, datagram.length);
        IkeMessage message;
        try {
            message = IkeMessage.decode(buffer, OFFSET, datagram.length);
        } catch (IkeFormatException refused) {
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
            return;
        }
        assertTrue(message.payloads().size() <= Payloads.MAX_PAYLOADS);
        byte[] encoded = message.encode();
        try {
            IkeMessage again = IkeMessage.decode(encoded, 0, encoded.length);
            assertArrayEquals(encoded, again.encode());
            assertEquals(message.payloads().size(), again.payloads().size());
        } catch (IkeFormatException e) {
            throw new AssertionError("a decoded message re-encodes to one that does not decode: " + e.getMessage(), e);
        }
        List<EncryptedPayload> sk = message.all(EncryptedPayload.class);
        if (!sk.isEmpty()) {
            byte[] sealed = sk.get(0).sealed();
            try {
                Payloads.decode(sk.get(0).firstInner(), sealed, 0, sealed.length);
            } catch (IkeFormatException refused) {
                // documented: octets that are no payload chain
            }
        }
    }
}
