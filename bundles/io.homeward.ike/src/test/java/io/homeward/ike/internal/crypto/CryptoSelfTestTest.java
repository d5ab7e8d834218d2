package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.homeward.ike.internal.exchange.TestPki;

/** The start-up self-test passes with consistent credentials and names what is wrong otherwise. */
class CryptoSelfTestTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final SecureRandom random = new SecureRandom();
    private final TestPki pki = new TestPki("Account CA", NOW);
    private final KeyPair host = TestPki.p256();
    private final X509Certificate certificate = pki.host(host, "laptop", "alice", NOW);

    @Test
    void consistentCredentialsPass() {
        assertDoesNotThrow(() -> CryptoSelfTest.run(host.getPrivate(), certificate, pki.ca, random));
    }

    @Test
    void aKeyThatIsNotTheCertificatesFails() {
        KeyPair other = TestPki.p256();

        SignatureException e = assertThrows(SignatureException.class,
                () -> CryptoSelfTest.run(other.getPrivate(), certificate, pki.ca, random));

        assertEquals("the host key's AUTH signature does not verify with the host certificate",
                e.getMessage());
    }

    @Test
    void aCertificateOfAnotherCaFails() {
        TestPki elsewhere = new TestPki("Another CA", NOW);

        assertThrows(GeneralSecurityException.class,
                () -> CryptoSelfTest.run(host.getPrivate(), certificate, elsewhere.ca, random));
    }
}
