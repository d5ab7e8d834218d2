package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Notify payload (RFC 7296 §3.10): protocol ID and SPI (both empty for the IKE SA), the message type, which may be
 * one {@link NotifyType} does not know, and the notification data.
 */
public record NotifyPayload(int protocol, byte[] spi, int notifyType, byte[] data) implements Payload {

    public NotifyPayload {
        spi = spi.clone();
        data = data.clone();
        if (spi.length > 255) {
            throw new IllegalArgumentException("an SPI has at most 255 octets");
        }
    }

    /** A notify about the IKE SA: protocol 0, no SPI. */
    public static NotifyPayload of(NotifyType type, byte[] data) {
        return new NotifyPayload(0, new byte[0], type.code(), data);
    }

    /** A notify about the IKE SA without data. */
    public static NotifyPayload of(NotifyType type) {
        return of(type, new byte[0]);
    }

    @Override
    public byte[] spi() {
        return spi.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public Optional<NotifyType> known() {
        return NotifyType.of(notifyType);
    }

    public boolean is(NotifyType type) {
        return notifyType == type.code();
    }

    static NotifyPayload read(WireReader in) throws IkeFormatException {
        int protocol = in.u8("notify protocol ID");
        int spiSize = in.u8("notify SPI size");
        int type = in.u16("notify message type");
        byte[] spi = in.bytes(spiSize, "notify SPI");
        return new NotifyPayload(protocol, spi, type, in.rest());
    }

    @Override
    public int type() {
        return PayloadType.NOTIFY;
    }

    @Override
    public int bodyLength() {
        return 4 + spi.length + data.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put((byte) protocol).put((byte) spi.length).putShort((short) notifyType).put(spi).put(data);
    }
}
