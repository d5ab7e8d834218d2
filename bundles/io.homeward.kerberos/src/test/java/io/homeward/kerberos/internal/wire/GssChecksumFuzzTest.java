package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any octets of an authenticator's 0x8003 checksum (RFC 4121 §4.1.1), which the example service reads once the
 * authenticator is decrypted: decoded or refused with {@link KerberosFormatException}, and what decodes encodes to
 * octets that decode to themselves.
 */
class GssChecksumFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void aGssChecksumDecodesOrIsRefused(byte[] input) {
        try {
            byte[] encoded = GssChecksum.decode(input).encode();
            assertArrayEquals(encoded, GssChecksum.decode(encoded).encode());
        } catch (KerberosFormatException refused) {
            assertFalse(refused.getMessage().isBlank());
        }
    }
}
