package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any octets of an HTTP Negotiate header (RFC 4559 §4), read the way the example service reads them: a SPNEGO
 * token, then the Kerberos mechanism token inside. Each is decoded or refused with
 * {@link KerberosFormatException}, nothing else; what decodes encodes to octets that decode to themselves.
 */
class SpnegoTokenFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void aTokenDecodesOrIsRefused(byte[] input) {
        try {
            SpnegoToken token = SpnegoToken.decode(input);
            byte[] encoded = token.encode();
            assertArrayEquals(encoded, SpnegoToken.decode(encoded).encode());
            if (token instanceof NegTokenInit init && init.mechToken().isPresent()) {
                GssKerberosToken inner = GssKerberosToken.decode(init.mechToken().get());
                assertArrayEquals(inner.encode(), GssKerberosToken.decode(inner.encode()).encode());
            }
        } catch (KerberosFormatException refused) {
            assertFalse(refused.getMessage().isBlank() || refused.getMessage().contains("\n"));
        }
    }
}
