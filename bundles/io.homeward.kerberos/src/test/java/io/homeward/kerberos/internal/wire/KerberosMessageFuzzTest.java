package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any octets at the KDC's front door, read the way the KDC reads them: as a TCP length prefix, and as the message. Each
 * is decoded or refused with {@link KerberosFormatException}, nothing else; what decodes encodes to octets that
 * decode and encode to themselves, and a request keeps its body's octets.
 */
class KerberosMessageFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void aMessageDecodesOrIsRefused(byte[] input) {
        try {
            TcpFraming.messageLength(input, 0);
        } catch (KerberosFormatException refused) {
            assertFalse(refused.getMessage().isBlank());
        }
        try {
            KerberosMessage message = KerberosMessage.decode(input);
            byte[] encoded = message.encode();
            assertArrayEquals(encoded, KerberosMessage.decode(encoded).encode());
            if (message instanceof KdcReq request) {
                assertArrayEquals(request.body().encode(), KdcReq.decode(encoded).bodyDer());
            }
        } catch (KerberosFormatException refused) {
            assertFalse(refused.getMessage().isBlank() || refused.getMessage().contains("\n"));
        }
    }
}
