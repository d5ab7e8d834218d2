package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/**
 * A payload kept as octets: CP and EAP (RFC 7296 §3.15, §3.16), which this implementation does not use, and a
 * payload type it does not know whose critical bit is clear, which §2.5 says to skip.
 */
public record OpaquePayload(int type, byte[] body) implements Payload {

    public OpaquePayload {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int bodyLength() {
        return body.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put(body);
    }
}
