package io.homeward.health.internal;

import static io.homeward.health.internal.HealthResults.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.homeward.testkit.SelfSignedTls;

class CertificateHealthTest {
    private static X509Certificate leaf;
    private static Instant end;

    @BeforeAll
    static void certificate() throws Exception {
        leaf = new SelfSignedTls().certificate();
        end = leaf.getNotAfter().toInstant();
    }

    @Test
    void notSignedInNeedsNoCertificate() {
        assertEquals(Result.Status.OK, CertificateHealth.evaluate(false, List.of(), false, end).getStatus());
    }

    @Test
    void signedInWithoutACertificateIsAWarning() {
        Result result = CertificateHealth.evaluate(true, List.of(), false, end);
        assertEquals(Result.Status.WARN, result.getStatus());
        assertTrue(messages(result).get(0).contains("Sign in again to enroll"), messages(result)::toString);
    }

    @Test
    void aCertificateFarFromItsEndIsOk() {
        Result result = CertificateHealth.evaluate(true, List.of(leaf), false, end.minus(Duration.ofDays(30)));
        assertEquals(Result.Status.OK, result.getStatus());
        assertEquals("Host certificate valid until " + end, messages(result).get(0));
    }

    @Test
    void aCertificateNotRenewedAWeekBeforeItsEndIsAWarning() {
        Result result = CertificateHealth.evaluate(true, List.of(leaf),
                false, end.minus(CertificateHealth.EXPIRY_WARNING).plusSeconds(1));
        assertEquals(Result.Status.WARN, result.getStatus());
    }

    @Test
    void anExpiredCertificateIsCritical() {
        Result result = CertificateHealth.evaluate(true, List.of(leaf), false, end);
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertTrue(messages(result).get(0).contains("expired"), messages(result)::toString);
    }

    @Test
    void aRevokedCertificateIsCriticalAndNamesItsSerial() {
        Result result = CertificateHealth.evaluate(true, List.of(leaf), true, end.minus(Duration.ofDays(30)));
        assertEquals(Result.Status.CRITICAL, result.getStatus());
        assertTrue(messages(result).get(0).contains("serial " + leaf.getSerialNumber().toString(16) + ") was revoked"),
                messages(result)::toString);
    }
}
