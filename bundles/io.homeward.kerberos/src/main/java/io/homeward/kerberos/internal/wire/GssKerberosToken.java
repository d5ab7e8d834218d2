package io.homeward.kerberos.internal.wire;

import java.util.Arrays;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * A Kerberos V5 GSS-API context token (RFC 4121 §4.1): the RFC 2743 framing with the Kerberos mechanism, a TOK_ID
 * (01 00 AP-REQ, 02 00 AP-REP, 03 00 KRB-ERROR) and the message. The framing may name Kerberos under Microsoft's OID
 * too; it is kept so the token encodes as it came.
 */
public record GssKerberosToken(ASN1ObjectIdentifier mech, KerberosMessage message) {
    public static final int TOK_ID_AP_REQ = 0x0100;
    public static final int TOK_ID_AP_REP = 0x0200;
    public static final int TOK_ID_KRB_ERROR = 0x0300;

    public GssKerberosToken {
        if (!GssMechanisms.isKerberos(mech)) {
            throw new IllegalArgumentException("not a Kerberos mechanism: " + mech);
        }
        tokenId(message);
    }

    /** An AP-REQ, AP-REP or KRB-ERROR framed with the Kerberos mechanism's OID. */
    public static GssKerberosToken of(KerberosMessage message) {
        return new GssKerberosToken(GssMechanisms.KERBEROS_V5, message);
    }

    public int tokenId() {
        return tokenId(message);
    }

    private static int tokenId(KerberosMessage message) {
        return switch (message.messageType()) {
            case KerberosMessage.AP_REQ -> TOK_ID_AP_REQ;
            case KerberosMessage.AP_REP -> TOK_ID_AP_REP;
            case KerberosMessage.KRB_ERROR -> TOK_ID_KRB_ERROR;
            default -> throw new IllegalArgumentException(
                    "a Kerberos GSS-API token holds an AP-REQ, AP-REP or KRB-ERROR, not type " + message.messageType());
        };
    }

    public static GssKerberosToken decode(byte[] token) throws KerberosFormatException {
        GssInitialToken framed = GssInitialToken.decode(token);
        if (!GssMechanisms.isKerberos(framed.mech())) {
            throw new KerberosFormatException("GSS-API token for mechanism " + framed.mech() + ", not Kerberos V5");
        }
        byte[] inner = framed.innerToken();
        if (inner.length < 2) {
            throw new KerberosFormatException("Kerberos GSS-API token without TOK_ID");
        }
        int tokenId = (inner[0] & 0xff) << 8 | inner[1] & 0xff;
        int expected = switch (tokenId) {
            case TOK_ID_AP_REQ -> KerberosMessage.AP_REQ;
            case TOK_ID_AP_REP -> KerberosMessage.AP_REP;
            case TOK_ID_KRB_ERROR -> KerberosMessage.KRB_ERROR;
            default -> throw new KerberosFormatException(
                    String.format("Kerberos GSS-API token with TOK_ID %04x (RFC 4121 §4.1)", tokenId));
        };
        KerberosMessage message;
        try {
            message = KerberosMessage.decode(Arrays.copyOfRange(inner, 2, inner.length));
        } catch (KerberosFormatException e) {
            throw e.within("Kerberos GSS-API token");
        }
        if (message.messageType() != expected) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_MSG_TYPE,
                    String.format("Kerberos GSS-API token: TOK_ID %04x holds message type %d", tokenId,
                            message.messageType()));
        }
        return new GssKerberosToken(framed.mech(), message);
    }

    public byte[] encode() {
        byte[] der = message.encode();
        byte[] inner = new byte[2 + der.length];
        int tokenId = tokenId();
        inner[0] = (byte) (tokenId >>> 8);
        inner[1] = (byte) tokenId;
        System.arraycopy(der, 0, inner, 2, der.length);
        return new GssInitialToken(mech, inner).encode();
    }
}
