package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/** EncryptionKey (RFC 4120 §5.2.9): a key type (an encryption type number) and the key. Never printed. */
public record EncryptionKey(int keyType, byte[] keyValue) implements DerEncodable {
    public EncryptionKey {
        keyValue = keyValue.clone();
    }

    @Override
    public byte[] keyValue() {
        return keyValue.clone();
    }

    public static EncryptionKey decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "EncryptionKey"));
    }

    public static EncryptionKey fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 1, "EncryptionKey");
        return new EncryptionKey(fields.int32(0, "keytype"), fields.octets(1, "keyvalue"));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(0, Der.integer(keyType)), Der.field(1, Der.octets(keyValue)));
    }

    @Override
    public String toString() {
        return "EncryptionKey[keyType=" + keyType + ", " + keyValue.length + " octets]";
    }
}
