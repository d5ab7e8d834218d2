package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.bouncycastle.asn1.ASN1Primitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KerberosTime is GeneralizedTime "YYYYMMDDHHMMSSZ" in UTC without fractions (RFC 4120 §5.2.3). */
class KerberosTimeTest {

    private static byte[] generalizedTime(String text) {
        byte[] content = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] der = new byte[2 + content.length];
        der[0] = 0x18;
        der[1] = (byte) content.length;
        System.arraycopy(content, 0, der, 2, content.length);
        return der;
    }

    private static Instant decode(String text) throws KerberosFormatException {
        return KerberosTime.fromAsn1(Der.parse(generalizedTime(text), "time"), "time");
    }

    @Test
    void encodesWholeSecondsInUtc() {
        assertArrayEquals(generalizedTime("20261206154002Z"),
                Der.encode(KerberosTime.toAsn1(Instant.parse("2026-12-06T15:40:02.987654Z"))));
        assertArrayEquals(generalizedTime("19700101000000Z"), Der.encode(KerberosTime.toAsn1(Instant.EPOCH)));
    }

    @Test
    void decodesTheRfcForm() throws KerberosFormatException {
        assertEquals(Instant.parse("2037-09-13T02:48:05Z"), decode("20370913024805Z"));
        assertEquals(Instant.parse("0000-01-01T00:00:00Z"), decode("00000101000000Z"));
    }

    @Test
    void theExtremeYearsRoundTrip() throws KerberosFormatException {
        for (String text : new String[] {"00000101000000Z", "99991231235959Z"}) {
            assertArrayEquals(generalizedTime(text), Der.encode(KerberosTime.toAsn1(decode(text))));
        }
        assertThrows(IllegalArgumentException.class, () -> KerberosTime.toAsn1(Instant.parse("+10000-01-01T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261206154002.5Z", "20261206154002", "20261206154002+0100", "2026120615400Z",
        "20260230120000Z", "20261206240000Z", "20261306000000Z", "2026120615400aZ"})
    void refusesEverythingElse(String text) {
        KerberosFormatException refused = assertThrows(KerberosFormatException.class, () -> decode(text));
        assertEquals(ErrorCodes.KRB_ERR_GENERIC, refused.errorCode());
    }

    @Test
    void refusesOtherTypes() {
        ASN1Primitive utcTime = new org.bouncycastle.asn1.DERUTCTime("261206154002Z");
        assertThrows(KerberosFormatException.class, () -> KerberosTime.fromAsn1(utcTime, "time"));
    }
}
