package io.homeward.watcher.internal.wire;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.Name;

/**
 * A DNS Stateful Operations message (RFC 8490 §5.4): a DNS header with OPCODE 6 and all four
 * counts zero, followed by TLVs, the first of which is the primary TLV.
 */
public record DsoMessage(int id, boolean response, int rcode, List<Tlv> tlvs) {
    static final int OPCODE = 6;
    public static final int KEEPALIVE = 0x0001;
    public static final int RETRY_DELAY = 0x0002;
    public static final int SUBSCRIBE = 0x0040;
    public static final int PUSH = 0x0041;
    public static final int UNSUBSCRIBE = 0x0042;
    private static final int HEADER = 12;

    public DsoMessage {
        tlvs = List.copyOf(tlvs);
    }

    public record Tlv(int type, byte[] data) {
    }

    /** RFC 8490 §7.1: both values in milliseconds. */
    public static DsoMessage keepalive(int id, long inactivityMillis, long intervalMillis) {
        byte[] data = ByteBuffer.allocate(8).putInt((int) inactivityMillis).putInt((int) intervalMillis).array();
        return new DsoMessage(id, false, 0, List.of(new Tlv(KEEPALIVE, data)));
    }

    /** RFC 8765 §6.2: one uncompressed question. */
    public static DsoMessage subscribe(int id, Name name, int type, int dclass) {
        byte[] owner = name.toWire();
        byte[] data = ByteBuffer.allocate(owner.length + 4).put(owner).putShort((short) type).putShort((short) dclass)
                .array();
        return new DsoMessage(id, false, 0, List.of(new Tlv(SUBSCRIBE, data)));
    }

    /** RFC 8765 §6.4: unidirectional, names the subscription by its SUBSCRIBE's message ID. */
    public static DsoMessage unsubscribe(int subscriptionId) {
        byte[] data = ByteBuffer.allocate(2).putShort((short) subscriptionId).array();
        return new DsoMessage(0, false, 0, List.of(new Tlv(UNSUBSCRIBE, data)));
    }

    public static boolean isDso(byte[] wire) {
        return wire.length >= HEADER && ((wire[2] >> 3) & 0x0F) == OPCODE;
    }

    /** The primary TLV's type, or -1 when there is none (a plain response). */
    public int primaryType() {
        return tlvs.isEmpty() ? -1 : tlvs.get(0).type();
    }

    /** The first TLV of the given type, or null. */
    public Tlv first(int type) {
        return tlvs.stream().filter(tlv -> tlv.type() == type).findFirst().orElse(null);
    }

    public byte[] toWire() {
        int length = HEADER;
        for (Tlv tlv : tlvs) {
            length += 4 + tlv.data().length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.putShort((short) id);
        out.put((byte) ((response ? 0x80 : 0) | OPCODE << 3));
        out.put((byte) (rcode & 0x0F));
        out.putLong(0);
        for (Tlv tlv : tlvs) {
            out.putShort((short) tlv.type()).putShort((short) tlv.data().length).put(tlv.data());
        }
        return out.array();
    }

    /**
     * @throws IllegalArgumentException when the message is not a well-formed DSO message
     */
    public static DsoMessage parse(byte[] wire) {
        if (!isDso(wire)) {
            throw new IllegalArgumentException("not a DSO message");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(wire);
            int id = Short.toUnsignedInt(in.getShort());
            int flags = Byte.toUnsignedInt(in.get());
            int rcode = in.get() & 0x0F;
            if (in.getLong() != 0) {
                throw new IllegalArgumentException("a DSO message must have all section counts zero");
            }
            List<Tlv> tlvs = new ArrayList<>();
            while (in.hasRemaining()) {
                int type = Short.toUnsignedInt(in.getShort());
                byte[] data = new byte[Short.toUnsignedInt(in.getShort())];
                in.get(data);
                tlvs.add(new Tlv(type, data));
            }
            return new DsoMessage(id, (flags & 0x80) != 0, rcode, tlvs);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated DSO TLV", e);
        }
    }
}
