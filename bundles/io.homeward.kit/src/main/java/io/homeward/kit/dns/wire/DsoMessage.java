package io.homeward.kit.dns.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.xbill.DNS.Name;

/**
 * A DNS Stateful Operations message (RFC 8490 §5.4): a DNS header with OPCODE 6 and all four counts zero, then
 * TLVs, the first of which is the primary one. An ID of zero marks a unidirectional message. The TLVs of DNS Push
 * (RFC 8765 §6) are built and read here too, for the server and the client alike.
 */
public record DsoMessage(int id, boolean response, int rcode, List<Tlv> tlvs) {
    public static final int OPCODE = 6;
    public static final int KEEPALIVE = 0x0001;
    public static final int RETRY_DELAY = 0x0002;
    public static final int ENCRYPTION_PADDING = 0x0003;
    public static final int SUBSCRIBE = 0x0040;
    public static final int PUSH = 0x0041;
    public static final int UNSUBSCRIBE = 0x0042;
    public static final int RECONFIRM = 0x0043;
    /** RCODE 11 (RFC 8490 §10.2): DSO is spoken, but not this TLV type. */
    public static final int DSOTYPENI = 11;
    private static final int HEADER_LENGTH = 12;
    private static final int TLV_HEADER_LENGTH = 4;
    private static final int QR = 0x8000;

    public DsoMessage {
        tlvs = List.copyOf(tlvs);
    }

    /** One TLV: DSO-TYPE, and DSO-DATA whose length is the DSO-LENGTH. Equal when type and data are. */
    public record Tlv(int type, byte[] data) {

        /** RFC 8490 §7.1: the inactivity timeout and the keepalive interval, both in milliseconds. */
        public static Tlv keepalive(long inactivityMillis, long intervalMillis) {
            return new Tlv(KEEPALIVE, ByteBuffer.allocate(8).putInt((int) inactivityMillis).putInt((int) intervalMillis)
                    .array());
        }

        /** RFC 8490 §7.2: how long the receiver waits before it tries again, in milliseconds. */
        public static Tlv retryDelay(long millis) {
            return new Tlv(RETRY_DELAY, ByteBuffer.allocate(4).putInt((int) millis).array());
        }

        /** RFC 8765 §6.2: one uncompressed question. */
        public static Tlv subscribe(Name name, int type, int dclass) {
            byte[] owner = name.toWire();
            return new Tlv(SUBSCRIBE, ByteBuffer.allocate(owner.length + 4).put(owner).putShort((short) type)
                    .putShort((short) dclass).array());
        }

        /** RFC 8765 §6.4: names the subscription by the message ID of its SUBSCRIBE. */
        public static Tlv unsubscribe(int subscriptionId) {
            return new Tlv(UNSUBSCRIBE, ByteBuffer.allocate(2).putShort((short) subscriptionId).array());
        }

        /** The inactivity timeout of a Keepalive TLV, in milliseconds. */
        public long inactivityTimeoutMillis() {
            return Integer.toUnsignedLong(fixed(KEEPALIVE, "a Keepalive TLV", 8).getInt(0));
        }

        /** The keepalive interval of a Keepalive TLV, in milliseconds. */
        public long keepaliveIntervalMillis() {
            return Integer.toUnsignedLong(fixed(KEEPALIVE, "a Keepalive TLV", 8).getInt(4));
        }

        /** The delay of a Retry Delay TLV, in milliseconds. */
        public long retryDelayMillis() {
            return Integer.toUnsignedLong(fixed(RETRY_DELAY, "a Retry Delay TLV", 4).getInt(0));
        }

        /** The SUBSCRIBE message ID an UNSUBSCRIBE TLV names. */
        public int subscriptionId() {
            return Short.toUnsignedInt(fixed(UNSUBSCRIBE, "an UNSUBSCRIBE TLV", 2).getShort(0));
        }

        /** @throws IllegalArgumentException when this is not a TLV of the type or not of the length */
        private ByteBuffer fixed(int expectedType, String what, int length) {
            if (type != expectedType) {
                throw new IllegalArgumentException("a DSO TLV of type " + type + " is not " + what);
            }
            if (data.length != length) {
                throw new IllegalArgumentException(what + " of " + data.length + " bytes (" + length + " expected)");
            }
            return ByteBuffer.wrap(data);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tlv tlv && tlv.type == type && Arrays.equals(tlv.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Tlv[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
        }
    }

    /** A request: a non-zero ID, the client waits for the response with that ID. */
    public static DsoMessage request(int id, Tlv primary) {
        return new DsoMessage(id, false, 0, List.of(primary));
    }

    /** A unidirectional message: ID zero, no response. */
    public static DsoMessage unidirectional(Tlv primary) {
        return new DsoMessage(0, false, 0, List.of(primary));
    }

    public static DsoMessage reply(int id, int rcode, List<Tlv> tlvs) {
        return new DsoMessage(id, true, rcode, tlvs);
    }

    /** A Keepalive request (RFC 8490 §7.1), as a client opens a session with it. */
    public static DsoMessage keepalive(int id, long inactivityMillis, long intervalMillis) {
        return request(id, Tlv.keepalive(inactivityMillis, intervalMillis));
    }

    /** A SUBSCRIBE request (RFC 8765 §6.2). */
    public static DsoMessage subscribe(int id, Name name, int type, int dclass) {
        return request(id, Tlv.subscribe(name, type, dclass));
    }

    /** An UNSUBSCRIBE (RFC 8765 §6.4): unidirectional. */
    public static DsoMessage unsubscribe(int subscriptionId) {
        return unidirectional(Tlv.unsubscribe(subscriptionId));
    }

    /** True when the bytes have at least a DNS header and its OPCODE is DSO. */
    public static boolean isDso(byte[] wire) {
        return wire.length >= HEADER_LENGTH && ((wire[2] >>> 3) & 0xf) == OPCODE;
    }

    /** @throws IllegalArgumentException when the bytes are not a well-formed DSO message */
    public static DsoMessage parse(byte[] wire) {
        if (wire.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("a DSO message shorter than a DNS header");
        }
        ByteBuffer in = ByteBuffer.wrap(wire);
        int id = in.getShort() & 0xffff;
        int flags = in.getShort() & 0xffff;
        if (((flags >>> 11) & 0xf) != OPCODE) {
            throw new IllegalArgumentException("not a DSO message (opcode " + ((flags >>> 11) & 0xf) + ")");
        }
        for (int i = 0; i < 4; i++) {
            if (in.getShort() != 0) {
                throw new IllegalArgumentException("a DSO message with records in its sections (RFC 8490 §5.4)");
            }
        }
        List<Tlv> tlvs = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.remaining() < TLV_HEADER_LENGTH) {
                throw new IllegalArgumentException("a DSO TLV cut off in its type or length");
            }
            int type = in.getShort() & 0xffff;
            int length = in.getShort() & 0xffff;
            if (length > in.remaining()) {
                throw new IllegalArgumentException("a DSO TLV of type " + type + " claims " + length + " bytes, "
                        + in.remaining() + " are left");
            }
            byte[] data = new byte[length];
            in.get(data);
            tlvs.add(new Tlv(type, data));
        }
        return new DsoMessage(id, (flags & QR) != 0, flags & 0xf, tlvs);
    }

    /** The primary TLV's type, or -1 when there is none (a response may carry no TLV). */
    public int primaryType() {
        return tlvs.isEmpty() ? -1 : tlvs.get(0).type();
    }

    /** The first TLV of the given type, or null. */
    public Tlv first(int type) {
        return tlvs.stream().filter(tlv -> tlv.type() == type).findFirst().orElse(null);
    }

    public byte[] toWire() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
        header.putShort((short) id).putShort((short) ((response ? QR : 0) | OPCODE << 11 | rcode & 0xf));
        out.writeBytes(header.array());
        for (Tlv tlv : tlvs) {
            out.writeBytes(ByteBuffer.allocate(TLV_HEADER_LENGTH).putShort((short) tlv.type())
                    .putShort((short) tlv.data().length).array());
            out.writeBytes(tlv.data());
        }
        return out.toByteArray();
    }
}
