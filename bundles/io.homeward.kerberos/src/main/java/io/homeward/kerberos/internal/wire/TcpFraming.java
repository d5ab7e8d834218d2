package io.homeward.kerberos.internal.wire;

/**
 * Kerberos over TCP (RFC 4120 §7.2.2): each message is preceded by its length in four octets, big-endian, whose
 * high bit is reserved. A set high bit, or a length above {@link #MAX_MESSAGE_LENGTH}, is answered with
 * KRB_ERR_FIELD_TOOLONG and the connection closed.
 */
public final class TcpFraming {
    public static final int PREFIX_LENGTH = 4;
    public static final int MAX_MESSAGE_LENGTH = Der.MAX_MESSAGE_LENGTH;

    private TcpFraming() {
    }

    /** {@code message} with its length prefix. */
    public static byte[] frame(byte[] message) {
        byte[] framed = new byte[PREFIX_LENGTH + message.length];
        int length = message.length;
        framed[0] = (byte) (length >>> 24);
        framed[1] = (byte) (length >>> 16);
        framed[2] = (byte) (length >>> 8);
        framed[3] = (byte) length;
        System.arraycopy(message, 0, framed, PREFIX_LENGTH, length);
        return framed;
    }

    /** The length of the message that follows the prefix at {@code offset} of {@code prefix}. */
    public static int messageLength(byte[] prefix, int offset) throws KerberosFormatException {
        if (prefix.length - offset < PREFIX_LENGTH) {
            throw new KerberosFormatException("a TCP length prefix of fewer than 4 octets");
        }
        if ((prefix[offset] & 0x80) != 0) {
            throw new KerberosFormatException(ErrorCodes.KRB_ERR_FIELD_TOOLONG,
                    "the reserved high bit of the TCP length prefix is set (RFC 4120 §7.2.2)");
        }
        int length = (prefix[offset] & 0xff) << 24 | (prefix[offset + 1] & 0xff) << 16
                | (prefix[offset + 2] & 0xff) << 8 | prefix[offset + 3] & 0xff;
        if (length > MAX_MESSAGE_LENGTH) {
            throw new KerberosFormatException(ErrorCodes.KRB_ERR_FIELD_TOOLONG,
                    "a TCP message of " + length + " octets, more than " + MAX_MESSAGE_LENGTH);
        }
        if (length == 0) {
            throw new KerberosFormatException("an empty TCP message");
        }
        return length;
    }
}
