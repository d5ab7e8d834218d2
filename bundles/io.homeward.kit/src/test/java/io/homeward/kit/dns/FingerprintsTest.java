package io.homeward.kit.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
    private static final String COLONS = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
            + "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @Test
    void acceptsHexWithOrWithoutColonsInAnyCase() {
        assertEquals(COLONS, Fingerprints.normalize(COLONS.toLowerCase()));
        assertEquals(COLONS, Fingerprints.normalize(COLONS.replace(":", "")));
        assertEquals("", Fingerprints.normalize("  "));
        assertEquals("", Fingerprints.normalize(null));
    }

    @Test
    void rejectsSomethingThatIsNotASha256() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fingerprints.normalize("AB:CD"));
        assertTrue(e.getMessage().contains("tlsFingerprint must be"), e.getMessage());
        assertTrue(e.getMessage().contains("'AB:CD'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.normalize(COLONS.replace('A', 'G')));
    }

    @Test
    void aCertificateIsShownAsColonSeparatedUpperCaseHex() throws Exception {
        assertEquals(TestCertificate.FINGERPRINT, Fingerprints.of(TestCertificate.load()));
    }
}
