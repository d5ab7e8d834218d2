package io.homeward.kit.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.homeward.kit.enroll.EnrollmentAuthorization.Scheme;

class EnrollmentAuthorizationTest {
    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CSR = {0x30, 0x03, 0x02, 0x01, 0x00};

    @Test
    void aSignedHeaderParsesBackAndVerifiesOnlyWithTheSameKeyAndBody() {
        EnrollmentAuthorization signed = EnrollmentAuthorization.sign(Scheme.INVITE, "0011223344556677", KEY, 1_800_000_000L, CSR);
        EnrollmentAuthorization read = EnrollmentAuthorization.parse(signed.header());
        assertEquals(Scheme.INVITE, read.scheme());
        assertEquals("0011223344556677", read.subject());
        assertEquals(1_800_000_000L, read.time());
        assertTrue(read.verifies(KEY, CSR));
        assertFalse(read.verifies("another key 0123".getBytes(StandardCharsets.US_ASCII), CSR));
        assertFalse(read.verifies(KEY, new byte[] {0x30, 0x00}), "a proof is bound to its request");
        EnrollmentAuthorization otherTime = new EnrollmentAuthorization(Scheme.INVITE, read.subject(), read.time() + 1, read.proof());
        assertFalse(otherTime.verifies(KEY, CSR), "and to its time");
        EnrollmentAuthorization otherScheme = new EnrollmentAuthorization(Scheme.KEY, read.subject(), read.time(), read.proof());
        assertFalse(otherScheme.verifies(KEY, CSR), "and to its scheme");
    }

    @Test
    void malformedHeadersAreRefusedWithAReason() {
        for (String bad : new String[] {null, "", "Basic dXNlcjpwYXNz", "Homeward-Key subject=\"a\"",
                "Homeward-Key subject=\"a\", time=\"x\", proof=\"AA==\"", "Homeward-Key subject=\"a\", time=\"1\", proof=\"!!\"",
                "Homeward-Key subject=\"a\", time=\"1\", proof=\"AA==\", extra=\"1\"",
                "Homeward-Key subject=\"a\" time=\"1\" proof=\"AA==\"", "Homeward-Key " + "x".repeat(2000)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnrollmentAuthorization.parse(bad),
                    String.valueOf(bad));
            assertFalse(e.getMessage().isBlank());
        }
    }
}
