package io.homeward.kerberos.internal.wire;

import java.time.Instant;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * One element of LastReq (RFC 4120 §5.4.2): an lr-type and a time. LastReq is a list of these; a KDC without
 * such information sends one element of type 0 and the time 19700101000000Z, as MIT's does.
 */
public record LastReq(int lrType, Instant lrValue) implements DerEncodable {
    public LastReq {
        lrValue = KerberosTime.truncate(lrValue);
    }

    /** The single "no information" element. */
    public static LastReq none() {
        return new LastReq(0, Instant.EPOCH);
    }

    public static LastReq decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "LastReq"));
    }

    public static LastReq fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 1, "LastReq");
        return new LastReq(fields.int32(0, "lr-type"), fields.time(1, "lr-value"));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(0, Der.integer(lrType)), Der.field(1, KerberosTime.toAsn1(lrValue)));
    }
}
