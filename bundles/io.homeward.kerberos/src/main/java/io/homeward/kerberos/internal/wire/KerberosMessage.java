package io.homeward.kerberos.internal.wire;

/**
 * A Kerberos message as it travels between client, KDC and service (RFC 4120 §5.4–§5.9), told apart by its
 * APPLICATION tag, which equals its msg-type. {@link #decode} is the front door of a KDC or service: anything it
 * does not refuse with a {@link KerberosFormatException} is one of the permitted records.
 */
public sealed interface KerberosMessage extends DerEncodable permits KdcReq, KdcRep, ApReq, ApRep, KrbError {
    /** The protocol version number (RFC 4120 §5.4.1). */
    int PVNO = 5;
    int AS_REQ = 10;
    int AS_REP = 11;
    int TGS_REQ = 12;
    int TGS_REP = 13;
    int AP_REQ = 14;
    int AP_REP = 15;
    int KRB_ERROR = 30;

    /** The msg-type and APPLICATION tag. */
    int messageType();

    /** The message {@code der} holds, by its APPLICATION tag; at most {@link Der#MAX_MESSAGE_LENGTH} octets. */
    static KerberosMessage decode(byte[] der) throws KerberosFormatException {
        if (der.length == 0) {
            throw new KerberosFormatException("an empty message");
        }
        int first = der[0] & 0xff;
        if ((first & 0xe0) != 0x60 || (first & 0x1f) == 0x1f) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_MSG_TYPE,
                    String.format("octet 0x%02x does not start a Kerberos message", first));
        }
        return switch (first & 0x1f) {
            case AS_REQ, TGS_REQ -> KdcReq.decode(der);
            case AS_REP, TGS_REP -> KdcRep.decode(der);
            case AP_REQ -> ApReq.decode(der);
            case AP_REP -> ApRep.decode(der);
            case KRB_ERROR -> KrbError.decode(der);
            default -> throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_MSG_TYPE,
                    "message type " + (first & 0x1f) + " is not one this host handles");
        };
    }
}
