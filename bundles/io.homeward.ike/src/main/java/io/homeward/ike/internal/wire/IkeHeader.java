package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/**
 * The 28-octet IKE header (RFC 7296 §3.1). {@code nextPayload} and {@code length} describe the encoded message;
 * {@link IkeMessage#encode()} fills them in.
 */
public record IkeHeader(long initiatorSpi, long responderSpi, int nextPayload, int exchangeType, int flags,
        int messageId, int length) {
    public static final int LENGTH = 28;
    /** Major version 2, minor version 0. */
    public static final int VERSION = 0x20;
    public static final int FLAG_RESPONSE = 0x20;
    public static final int FLAG_INITIATOR = 0x08;

    /** A header for a message to send; chain and length follow from its payloads. */
    public static IkeHeader of(long initiatorSpi, long responderSpi, ExchangeType exchange, boolean response,
            boolean fromOriginalInitiator, int messageId) {
        int flags = (response ? FLAG_RESPONSE : 0) | (fromOriginalInitiator ? FLAG_INITIATOR : 0);
        return new IkeHeader(initiatorSpi, responderSpi, PayloadType.NONE, exchange.code(), flags, messageId, 0);
    }

    public boolean isResponse() {
        return (flags & FLAG_RESPONSE) != 0;
    }

    /** The I flag: sent by the original initiator of the IKE SA (§3.1). */
    public boolean fromOriginalInitiator() {
        return (flags & FLAG_INITIATOR) != 0;
    }

    public IkeHeader withChain(int nextPayload, int length) {
        return new IkeHeader(initiatorSpi, responderSpi, nextPayload, exchangeType, flags, messageId, length);
    }

    public void write(ByteBuffer out) {
        out.putLong(initiatorSpi).putLong(responderSpi).put((byte) nextPayload).put((byte) VERSION)
                .put((byte) exchangeType).put((byte) flags).putInt(messageId).putInt(length);
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        write(out);
        return out.array();
    }

    /** Reads the header of a datagram of {@code datagramLength} octets, whose Length field must say exactly that. */
    static IkeHeader read(WireReader in, int datagramLength) throws IkeFormatException {
        long initiatorSpi = in.u64("initiator SPI");
        long responderSpi = in.u64("responder SPI");
        int next = in.u8("next payload");
        int version = in.u8("version");
        if (version >> 4 != VERSION >> 4) {
            throw new IkeFormatException(NotifyType.INVALID_MAJOR_VERSION, new byte[0],
                    "IKE major version " + (version >> 4) + ", this is 2 (RFC 7296 §2.5)");
        }
        int exchange = in.u8("exchange type");
        int flags = in.u8("flags");
        int messageId = in.u32("message ID");
        int length = in.u32("length");
        if (length != datagramLength) {
            throw new IkeFormatException("IKE header says " + Integer.toUnsignedString(length) + " octets, the datagram has "
                    + datagramLength);
        }
        return new IkeHeader(initiatorSpi, responderSpi, next, exchange, flags, messageId, length);
    }
}
