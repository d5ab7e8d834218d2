package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/**
 * Encrypted Fragment payload SKF (RFC 7383 §2.5), still sealed: fragment number and total (1-based), and the IV,
 * ciphertext and ICV of this fragment. Only fragment 1 names the first inner payload; the others carry 0.
 */
public record EncryptedFragmentPayload(int firstInner, int fragmentNumber, int totalFragments, byte[] sealed)
        implements Payload {
    /** The generic header and the two fragment fields, all of which the AEAD authenticates. */
    public static final int HEADER_LENGTH = 8;

    public EncryptedFragmentPayload {
        if (fragmentNumber < 1 || fragmentNumber > totalFragments || totalFragments > 0xFFFF) {
            throw new IllegalArgumentException("fragment " + fragmentNumber + " of " + totalFragments);
        }
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    static EncryptedFragmentPayload read(int firstInner, WireReader in) throws IkeFormatException {
        int number = in.u16("fragment number");
        int total = in.u16("total fragments");
        if (number == 0 || total == 0 || number > total) {
            throw new IkeFormatException("fragment " + number + " of " + total + " (RFC 7383 §2.5)");
        }
        return new EncryptedFragmentPayload(number == 1 ? firstInner : PayloadType.NONE, number, total, in.rest());
    }

    @Override
    public int type() {
        return PayloadType.SKF;
    }

    @Override
    public int bodyLength() {
        return 4 + sealed.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.putShort((short) fragmentNumber).putShort((short) totalFragments).put(sealed);
    }
}
