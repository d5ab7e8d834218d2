package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/**
 * Encrypted and Authenticated payload SK (RFC 7296 §3.14), still sealed: the type of the first inner payload,
 * which travels in this payload's Next Payload field, and the IV, ciphertext and ICV. It is always the last
 * payload of its message. {@code io.homeward.ike.internal.crypto.SkCipher} seals and opens it.
 */
public record EncryptedPayload(int firstInner, byte[] sealed) implements Payload {

    public EncryptedPayload {
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public int type() {
        return PayloadType.SK;
    }

    @Override
    public int bodyLength() {
        return sealed.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put(sealed);
    }
}
