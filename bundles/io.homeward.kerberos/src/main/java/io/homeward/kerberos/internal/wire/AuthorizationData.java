package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * One element of AuthorizationData (RFC 4120 §5.2.6): an ad-type and its octets, for example AD-IF-RELEVANT (1)
 * wrapping more AuthorizationData. AuthorizationData itself is a list of these.
 */
public record AuthorizationData(int adType, byte[] adData) implements DerEncodable {
    public static final int AD_IF_RELEVANT = 1;

    public AuthorizationData {
        adData = adData.clone();
    }

    @Override
    public byte[] adData() {
        return adData.clone();
    }

    public static AuthorizationData decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "AuthorizationData"));
    }

    public static AuthorizationData fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 1, "AuthorizationData");
        return new AuthorizationData(fields.int32(0, "ad-type"), fields.octets(1, "ad-data"));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(0, Der.integer(adType)), Der.field(1, Der.octets(adData)));
    }
}
