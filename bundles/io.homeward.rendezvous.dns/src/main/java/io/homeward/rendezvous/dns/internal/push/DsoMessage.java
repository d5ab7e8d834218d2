package io.homeward.rendezvous.dns.internal.push;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A DNS Stateful Operations message (RFC 8490 §5.4): a header with OPCODE 6 and all four counts zero, then
 * TLVs, the first of which is the primary one. An ID of zero marks a unidirectional message.
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
    /** RCODE 11 (RFC 8490): DSO is spoken, but not this TLV type. */
    public static final int DSOTYPENI = 11;
    private static final int HEADER_LENGTH = 12;
    private static final int QR = 0x8000;

    public DsoMessage {
        tlvs = List.copyOf(tlvs);
    }

    /** One TLV: DSO-TYPE, and DSO-DATA whose length is the DSO-LENGTH. */
    public record Tlv(int type, byte[] data) {
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
            if (in.remaining() < 4) {
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

    public static DsoMessage unidirectional(Tlv primary) {
        return new DsoMessage(0, false, 0, List.of(primary));
    }

    public static DsoMessage reply(int id, int rcode, List<Tlv> tlvs) {
        return new DsoMessage(id, true, rcode, tlvs);
    }

    public byte[] toWire() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
        header.putShort((short) id).putShort((short) ((response ? QR : 0) | OPCODE << 11 | rcode));
        out.writeBytes(header.array());
        for (Tlv tlv : tlvs) {
            out.writeBytes(new byte[] {(byte) (tlv.type() >>> 8), (byte) tlv.type(), (byte) (tlv.data().length >>> 8),
                    (byte) tlv.data().length});
            out.writeBytes(tlv.data());
        }
        return out.toByteArray();
    }

    public static Tlv keepalive(long inactivityMillis, long keepaliveMillis) {
        return new Tlv(KEEPALIVE, ByteBuffer.allocate(8).putInt((int) inactivityMillis).putInt((int) keepaliveMillis)
                .array());
    }

    public static Tlv retryDelay(long millis) {
        return new Tlv(RETRY_DELAY, ByteBuffer.allocate(4).putInt((int) millis).array());
    }
}
