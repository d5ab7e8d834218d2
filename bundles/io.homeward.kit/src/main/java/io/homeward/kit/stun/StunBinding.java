package io.homeward.kit.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * STUN Binding messages (RFC 8489): the request a client sends from its UDP port and the success response
 * carrying the address and port the server saw it come from (XOR-MAPPED-ADDRESS, §14.2). Only what
 * reflexive-address discovery needs: no authentication, no FINGERPRINT; unknown attributes are skipped.
 */
public final class StunBinding {
    public static final int HEADER_LENGTH = 20;
    public static final int TRANSACTION_ID_LENGTH = 12;
    /** RFC 8489 §5: the fixed value at octets 4..7 that tells STUN apart from other protocols on a port. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int MAPPED_ADDRESS = 0x0001;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private StunBinding() {
    }

    /** A Binding request with the given 96-bit transaction ID. */
    public static byte[] request(byte[] transactionId) {
        checkTransactionId(transactionId);
        byte[] m = new byte[HEADER_LENGTH];
        header(m, BINDING_REQUEST, 0, transactionId);
        return m;
    }

    /** The transaction ID of a well-formed Binding request, or null for anything else. */
    public static byte[] requestTransactionId(byte[] buffer, int offset, int length) {
        if (!isStun(buffer, offset, length) || u16(buffer, offset) != BINDING_REQUEST) {
            return null;
        }
        return Arrays.copyOfRange(buffer, offset + 8, offset + HEADER_LENGTH);
    }

    /** The success response telling the client where its request came from. */
    public static byte[] success(byte[] transactionId, InetSocketAddress seen) {
        checkTransactionId(transactionId);
        byte[] address = seen.getAddress().getAddress();
        int valueLength = 4 + address.length;
        byte[] m = new byte[HEADER_LENGTH + 4 + valueLength];
        header(m, BINDING_SUCCESS, 4 + valueLength, transactionId);
        int a = HEADER_LENGTH;
        put16(m, a, XOR_MAPPED_ADDRESS);
        put16(m, a + 2, valueLength);
        m[a + 5] = (byte) (address.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        put16(m, a + 6, seen.getPort() ^ (MAGIC_COOKIE >>> 16));
        byte[] mask = xorMask(transactionId);
        for (int i = 0; i < address.length; i++) {
            m[a + 8 + i] = (byte) (address[i] ^ mask[i]);
        }
        return m;
    }

    /**
     * The mapped address in a Binding success response to {@code transactionId}, or null when the datagram is
     * not that response or is malformed. XOR-MAPPED-ADDRESS wins over the older MAPPED-ADDRESS (RFC 5389 servers
     * and RFC 3489 ones).
     */
    public static InetSocketAddress mappedAddress(byte[] buffer, int offset, int length, byte[] transactionId) {
        if (!isStun(buffer, offset, length) || u16(buffer, offset) != BINDING_SUCCESS
                || !Arrays.equals(buffer, offset + 8, offset + HEADER_LENGTH, transactionId, 0, TRANSACTION_ID_LENGTH)) {
            return null;
        }
        InetSocketAddress plain = null;
        int end = offset + length;
        int p = offset + HEADER_LENGTH;
        while (p + 4 <= end) {
            int type = u16(buffer, p);
            int valueLength = u16(buffer, p + 2);
            int value = p + 4;
            if (value + valueLength > end) {
                return null;
            }
            if (type == XOR_MAPPED_ADDRESS) {
                return address(buffer, value, valueLength, xorMask(transactionId), (MAGIC_COOKIE >>> 16));
            }
            if (type == MAPPED_ADDRESS && plain == null) {
                plain = address(buffer, value, valueLength, new byte[16], 0);
            }
            p = value + ((valueLength + 3) & ~3);   // §14: values are padded to 4 octets
        }
        return plain;
    }

    /** The STUN header shape (§5): top two bits zero, the magic cookie, a length that fills the datagram in 4-octet units. */
    public static boolean isStun(byte[] buffer, int offset, int length) {
        return length >= HEADER_LENGTH && (buffer[offset] & 0xC0) == 0 && u32(buffer, offset + 4) == MAGIC_COOKIE
                && u16(buffer, offset + 2) == length - HEADER_LENGTH && (length & 3) == 0;
    }

    private static InetSocketAddress address(byte[] b, int value, int valueLength, byte[] mask, int portMask) {
        // §14.1: reserved octet and family come before the port; a shorter value has no family to read.
        int family = valueLength < 4 ? -1 : b[value + 1];
        int size = family == FAMILY_IPV4 ? 4 : family == FAMILY_IPV6 ? 16 : -1;
        if (size < 0 || valueLength < 4 + size) {
            return null;
        }
        byte[] raw = new byte[size];
        for (int i = 0; i < size; i++) {
            raw[i] = (byte) (b[value + 4 + i] ^ mask[i]);
        }
        try {
            InetAddress address = InetAddress.getByAddress(raw);
            if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
                return null;
            }
            return new InetSocketAddress(address, u16(b, value + 2) ^ portMask);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** §14.2: the address is XORed with the magic cookie, and for IPv6 also with the transaction ID. */
    private static byte[] xorMask(byte[] transactionId) {
        byte[] mask = new byte[16];
        mask[0] = (byte) (MAGIC_COOKIE >>> 24);
        mask[1] = (byte) (MAGIC_COOKIE >>> 16);
        mask[2] = (byte) (MAGIC_COOKIE >>> 8);
        mask[3] = (byte) MAGIC_COOKIE;
        System.arraycopy(transactionId, 0, mask, 4, TRANSACTION_ID_LENGTH);
        return mask;
    }

    private static void header(byte[] m, int type, int bodyLength, byte[] transactionId) {
        put16(m, 0, type);
        put16(m, 2, bodyLength);
        m[4] = (byte) (MAGIC_COOKIE >>> 24);
        m[5] = (byte) (MAGIC_COOKIE >>> 16);
        m[6] = (byte) (MAGIC_COOKIE >>> 8);
        m[7] = (byte) MAGIC_COOKIE;
        System.arraycopy(transactionId, 0, m, 8, TRANSACTION_ID_LENGTH);
    }

    private static void checkTransactionId(byte[] transactionId) {
        if (transactionId.length != TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("a STUN transaction ID has 12 octets, not " + transactionId.length);
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u32(byte[] b, int at) {
        return (u16(b, at) << 16) | u16(b, at + 2);
    }

    private static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }
}
