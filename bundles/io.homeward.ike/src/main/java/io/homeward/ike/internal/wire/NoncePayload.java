package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/** Nonce payload (RFC 7296 §3.9): 16 to 256 random octets. */
public record NoncePayload(byte[] data) implements Payload {
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 256;

    public NoncePayload {
        if (data.length < MIN_LENGTH || data.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a nonce has 16 to 256 octets, not " + data.length);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    static NoncePayload read(WireReader in) throws IkeFormatException {
        int length = in.remaining();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IkeFormatException("nonce of " + length + " octets, RFC 7296 §2.10 allows 16 to 256");
        }
        return new NoncePayload(in.rest());
    }

    @Override
    public int type() {
        return PayloadType.NONCE;
    }

    @Override
    public int bodyLength() {
        return data.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put(data);
    }
}
