package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Checksum (RFC 4120 §5.2.9): a checksum type (RFC 3961 §8: 16 hmac-sha1-96-aes256, 20 hmac-sha384-192-aes256;
 * RFC 4121 §4.1.1: 0x8003 for the GSS-API authenticator, see {@link GssChecksum}) and its octets.
 */
public record Checksum(int type, byte[] checksum) implements DerEncodable {
    public Checksum {
        checksum = checksum.clone();
    }

    @Override
    public byte[] checksum() {
        return checksum.clone();
    }

    public static Checksum decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "Checksum"));
    }

    public static Checksum fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 1, "Checksum");
        return new Checksum(fields.int32(0, "cksumtype"), fields.octets(1, "checksum"));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(0, Der.integer(type)), Der.field(1, Der.octets(checksum)));
    }
}
