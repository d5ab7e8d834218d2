package io.homeward.kit.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

class PinnedTrustTest {
    private static final String OTHER = Fingerprints.normalize("00".repeat(32));

    @Test
    void withoutAPinAnyCertificatePassesAndIsRemembered() throws Exception {
        PinnedTrust trust = new PinnedTrust("");
        trust.checkServerTrusted(new X509Certificate[] {TestCertificate.load()}, "ECDHE_ECDSA");
        assertEquals(TestCertificate.FINGERPRINT, trust.seen());
        assertFalse(trust.mismatched());
    }

    @Test
    void thePinnedCertificatePasses() throws Exception {
        PinnedTrust trust = new PinnedTrust(TestCertificate.FINGERPRINT);
        trust.checkServerTrusted(new X509Certificate[] {TestCertificate.load()}, "ECDHE_ECDSA");
        assertFalse(trust.mismatched());
    }

    @Test
    void anotherCertificateIsRefusedNamingBothFingerprints() throws Exception {
        PinnedTrust trust = new PinnedTrust(OTHER);
        CertificateException e = assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(new X509Certificate[] {TestCertificate.load()}, "ECDHE_ECDSA"));
        assertTrue(trust.mismatched());
        assertTrue(e.getMessage().contains(TestCertificate.FINGERPRINT + " does not match the pinned fingerprint "
                + OTHER), e.getMessage());
    }

    @Test
    void noCertificateAndAnyClientAreRefused() {
        PinnedTrust trust = new PinnedTrust("");
        assertThrows(CertificateException.class, () -> trust.checkServerTrusted(new X509Certificate[0], "RSA"));
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(new X509Certificate[0], "RSA"));
    }
}
