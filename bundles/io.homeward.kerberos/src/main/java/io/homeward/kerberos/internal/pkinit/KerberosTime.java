package io.homeward.kerberos.internal.pkinit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERGeneralizedTime;

/** KerberosTime (RFC 4120 §5.2.3): a GeneralizedTime {@code YYYYMMDDHHMMSSZ}, UTC, whole seconds. */
final class KerberosTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'");

    private KerberosTime() {
    }

    static DERGeneralizedTime encode(Instant time) {
        return new DERGeneralizedTime(FORMAT.format(time.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
    }

    static Instant decode(ASN1Primitive object, String what) throws MalformedPkinitException {
        if (!(object instanceof ASN1GeneralizedTime time)) {
            throw new MalformedPkinitException(what + " is not a KerberosTime");
        }
        try {
            return LocalDateTime.parse(time.getTimeString(), FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MalformedPkinitException(what + " is not YYYYMMDDHHMMSSZ");
        }
    }
}
