package io.homeward.kerberos.internal.wire;

import java.io.ByteArrayOutputStream;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The GSS-API framing of a context establishment token (RFC 2743 §3.1): 0x60, a DER length, the mechanism's OBJECT
 * IDENTIFIER, and the mechanism's own octets, which need not be DER.
 */
public record GssInitialToken(ASN1ObjectIdentifier mech, byte[] innerToken) {
    private static final int TAG = 0x60;
    private static final int OID_TAG = 0x06;

    public GssInitialToken {
        innerToken = innerToken.clone();
    }

    @Override
    public byte[] innerToken() {
        return innerToken.clone();
    }

    public static GssInitialToken decode(byte[] token) throws KerberosFormatException {
        if (token.length > Der.MAX_MESSAGE_LENGTH) {
            throw new KerberosFormatException(ErrorCodes.KRB_ERR_FIELD_TOOLONG,
                    "GSS-API token of " + token.length + " octets, more than " + Der.MAX_MESSAGE_LENGTH);
        }
        if (token.length < 2 || (token[0] & 0xff) != TAG) {
            throw new KerberosFormatException("not a GSS-API initial context token (RFC 2743 §3.1)");
        }
        int position = 1;
        int length = token[position++] & 0xff;
        if (length >= 0x80) {
            int count = length & 0x7f;
            if (count == 0 || count > 3 || token.length - position < count) {
                throw new KerberosFormatException("GSS-API token: a length field indefinite, too long or cut short");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | token[position++] & 0xff;
            }
        }
        if (length != token.length - position) {
            throw new KerberosFormatException(
                    "GSS-API token: length " + length + " where " + (token.length - position) + " octets follow");
        }
        if (token.length - position < 2 || (token[position] & 0xff) != OID_TAG
                || (token[position + 1] & 0xff) >= 0x80 || token[position + 1] + 2 > token.length - position) {
            throw new KerberosFormatException("GSS-API token: no mechanism OBJECT IDENTIFIER");
        }
        int oidEnd = position + 2 + token[position + 1];
        byte[] oid = new byte[oidEnd - position];
        System.arraycopy(token, position, oid, 0, oid.length);
        ASN1ObjectIdentifier mech = Der.oid(Der.parse(oid, "GSS-API mechanism"), "GSS-API mechanism");
        byte[] inner = new byte[token.length - oidEnd];
        System.arraycopy(token, oidEnd, inner, 0, inner.length);
        return new GssInitialToken(mech, inner);
    }

    public byte[] encode() {
        byte[] oid = Der.encode(mech);
        int length = oid.length + innerToken.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(TAG);
        if (length < 0x80) {
            out.write(length);
        } else {
            int count = length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | count);
            for (int i = count - 1; i >= 0; i--) {
                out.write(length >>> 8 * i);
            }
        }
        out.writeBytes(oid);
        out.writeBytes(innerToken);
        return out.toByteArray();
    }
}
