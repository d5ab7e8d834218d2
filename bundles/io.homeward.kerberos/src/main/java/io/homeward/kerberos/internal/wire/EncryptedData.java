package io.homeward.kerberos.internal.wire;

import java.util.OptionalLong;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * EncryptedData (RFC 4120 §5.2.9): the encryption type, the key version when the key is a long-term one, and the
 * ciphertext (RFC 3961).
 */
public record EncryptedData(int etype, OptionalLong kvno, byte[] cipher) implements DerEncodable {
    public EncryptedData {
        cipher = cipher.clone();
    }

    @Override
    public byte[] cipher() {
        return cipher.clone();
    }

    public static EncryptedData decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "EncryptedData"));
    }

    public static EncryptedData fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 2, "EncryptedData");
        int etype = fields.int32(0, "etype");
        OptionalLong kvno = fields.has(1) ? OptionalLong.of(fields.uint32(1, "kvno")) : OptionalLong.empty();
        return new EncryptedData(etype, kvno, fields.octets(2, "cipher"));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(0, Der.integer(etype)),
                Der.field(1, kvno.isPresent() ? Der.integer(kvno.getAsLong()) : null),
                Der.field(2, Der.octets(cipher)));
    }
}
