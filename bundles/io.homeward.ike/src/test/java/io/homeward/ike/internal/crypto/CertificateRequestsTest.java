package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.ike.internal.wire.CertReqPayload;

/** CERTREQ names CAs by the SHA-1 of their SubjectPublicKeyInfo (RFC 7296 §3.7). */
class CertificateRequestsTest {
    private final PublicKey ours = caKey();
    private final PublicKey theirs = caKey();

    @Test
    void aRequestHashesEachCaKey() throws GeneralSecurityException {
        CertReqPayload request = CertificateRequests.forAuthorities(List.of(ours, theirs));

        assertEquals(4, request.encoding());
        assertEquals(40, request.authorities().length);
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(ours.getEncoded()), request.authorityHashes().get(0));
        assertTrue(CertificateRequests.names(request, theirs));
    }

    @Test
    void aRequestNamesOnlyItsCasAndAnEmptyOneAny() {
        assertFalse(CertificateRequests.names(CertificateRequests.forAuthorities(List.of(theirs)), ours));
        assertTrue(CertificateRequests.names(CertificateRequests.forAuthorities(List.of()), ours));
        assertFalse(CertificateRequests.names(new CertReqPayload(12, new byte[0]), ours));
    }

    private static PublicKey caKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
