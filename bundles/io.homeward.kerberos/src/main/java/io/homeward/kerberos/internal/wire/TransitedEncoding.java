package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * TransitedEncoding (RFC 4120 §5.3): the realms a cross-realm ticket passed through; a local KDC writes type 1
 * (DOMAIN-X500-COMPRESS) with empty contents.
 */
public record TransitedEncoding(int trType, byte[] contents) implements DerEncodable {
    public static final int DOMAIN_X500_COMPRESS = 1;

    public TransitedEncoding {
        contents = contents.clone();
    }

    @Override
    public byte[] contents() {
        return contents.clone();
    }

    /** No realm transited. */
    public static TransitedEncoding none() {
        return new TransitedEncoding(DOMAIN_X500_COMPRESS, new byte[0]);
    }

    public static TransitedEncoding decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "TransitedEncoding"));
    }

    public static TransitedEncoding fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 1, "TransitedEncoding");
        return new TransitedEncoding(fields.int32(0, "tr-type"), fields.octets(1, "contents"));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(0, Der.integer(trType)), Der.field(1, Der.octets(contents)));
    }
}
