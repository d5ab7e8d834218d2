package io.homeward.kerberos.internal.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERGeneralizedTime;

/**
 * KerberosTime (RFC 4120 §5.2.3): a GeneralizedTime "YYYYMMDDHHMMSSZ", UTC, whole seconds. The microseconds that
 * messages carry next to it are separate Microseconds fields.
 */
public final class KerberosTime {
    /** "YYYYMMDDHHMMSSZ" */
    private static final int LENGTH = 15;
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    private KerberosTime() {
    }

    /** {@code time} without its fraction of a second: what a KerberosTime holds. */
    public static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The GeneralizedTime for {@code time}, its fraction of a second dropped; years 0 to 9999. Its octets are
     * written here: Bouncy Castle's constructor from a String parses it again with a new SimpleDateFormat.
     */
    public static ASN1GeneralizedTime toAsn1(Instant time) {
        if (time.isBefore(FIRST) || time.isAfter(LAST)) {
            throw new IllegalArgumentException("a KerberosTime has a four-digit year: " + time);
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        byte[] text = new byte[LENGTH];
        digits(text, 0, 4, utc.getYear());
        digits(text, 4, 2, utc.getMonthValue());
        digits(text, 6, 2, utc.getDayOfMonth());
        digits(text, 8, 2, utc.getHour());
        digits(text, 10, 2, utc.getMinute());
        digits(text, 12, 2, utc.getSecond());
        text[14] = 'Z';
        return new DERGeneralizedTime(text);
    }

    /** The instant a KerberosTime stands for: exactly fourteen digits and a Z, a date and time that exists. */
    public static Instant fromAsn1(ASN1Primitive value, String what) throws KerberosFormatException {
        if (!(value instanceof ASN1GeneralizedTime generalized)) {
            throw new KerberosFormatException(what + ": not a GeneralizedTime");
        }
        String text = generalized.getTimeString();
        if (text.length() != LENGTH || text.charAt(LENGTH - 1) != 'Z' || !digitsOnly(text, LENGTH - 1)) {
            throw new KerberosFormatException(what + ": \"" + printable(text) + "\" is not YYYYMMDDHHMMSSZ");
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 4, 2), number(text, 6, 2), number(text, 8, 2),
                    number(text, 10, 2), number(text, 12, 2)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new KerberosFormatException(what + ": " + text + " is no date and time");
        }
    }

    private static void digits(byte[] text, int offset, int count, int value) {
        for (int i = offset + count - 1; i >= offset; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static boolean digitsOnly(String text, int count) {
        for (int i = 0; i < count; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int offset, int count) {
        int value = 0;
        for (int i = offset; i < offset + count; i++) {
            value = 10 * value + text.charAt(i) - '0';
        }
        return value;
    }

    private static String printable(String text) {
        String cut = text.length() > 32 ? text.substring(0, 32) : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
