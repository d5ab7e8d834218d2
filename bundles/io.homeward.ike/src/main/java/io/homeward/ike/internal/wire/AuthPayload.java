package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/** Authentication payload (RFC 7296 §3.8): the method and the authentication data. */
public record AuthPayload(int method, byte[] data) implements Payload {
    /** ECDSA with SHA-256 on P-256, signature r ‖ s (RFC 4754 §7). */
    public static final int ECDSA_SHA256_P256 = 9;
    /** Digital Signature (RFC 7427 §3). */
    public static final int DIGITAL_SIGNATURE = 14;

    public AuthPayload {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    static AuthPayload read(WireReader in) throws IkeFormatException {
        int method = in.u8("AUTH method");
        in.skip(3, "AUTH reserved");
        if (in.remaining() == 0) {
            throw new IkeFormatException("AUTH payload without authentication data");
        }
        return new AuthPayload(method, in.rest());
    }

    @Override
    public int type() {
        return PayloadType.AUTH;
    }

    @Override
    public int bodyLength() {
        return 4 + data.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put((byte) method).put(new byte[3]).put(data);
    }
}
