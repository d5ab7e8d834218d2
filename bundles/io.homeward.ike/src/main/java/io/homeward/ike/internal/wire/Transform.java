package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/**
 * One transform of a proposal (RFC 7296 §3.3.2) with its only IKEv2 attribute, Key Length (§3.3.5), in bits; 0
 * when absent. {@code unknownAttributes} marks a received transform with an attribute this codec does not know,
 * which §3.3.6 says to reject; such a transform is never sent.
 */
public record Transform(int transformType, int id, int keyLength, boolean unknownAttributes) {
    public static final int ENCR = 1;
    public static final int PRF = 2;
    public static final int INTEG = 3;
    public static final int KE = 4;
    public static final int ESN = 5;
    static final int HEADER_LENGTH = 8;
    private static final int KEY_LENGTH_TV = 0x800E;
    private static final int TV_FLAG = 0x8000;

    public Transform(int transformType, int id) {
        this(transformType, id, 0);
    }

    public Transform(int transformType, int id, int keyLength) {
        this(transformType, id, keyLength, false);
    }

    int length() {
        return HEADER_LENGTH + (keyLength > 0 ? 4 : 0);
    }

    void write(ByteBuffer out, boolean last) {
        out.put((byte) (last ? 0 : 3)).put((byte) 0).putShort((short) length()).put((byte) transformType).put((byte) 0)
                .putShort((short) id);
        if (keyLength > 0) {
            out.putShort((short) KEY_LENGTH_TV).putShort((short) keyLength);
        }
    }

    /** Reads one transform substructure; returns it with whether it said it was the last. */
    static Transform read(WireReader in, boolean[] last) throws IkeFormatException {
        int more = in.u8("transform last substruc");
        if (more != 0 && more != 3) {
            throw new IkeFormatException("transform last substruc " + more + ", expected 0 or 3");
        }
        last[0] = more == 0;
        in.skip(1, "transform reserved");
        int length = in.u16("transform length");
        if (length < HEADER_LENGTH) {
            throw new IkeFormatException("transform length " + length + " below 8");
        }
        WireReader body = in.sub(length - 4, "transform");
        int type = body.u8("transform type");
        body.skip(1, "transform reserved");
        int id = body.u16("transform ID");
        int keyLength = 0;
        boolean unknown = false;
        while (body.remaining() > 0) {
            int attribute = body.u16("attribute type");
            if ((attribute & TV_FLAG) != 0) {
                int value = body.u16("attribute value");
                if (attribute == KEY_LENGTH_TV && keyLength == 0 && value > 0) {
                    keyLength = value;
                } else {
                    unknown = true;
                }
            } else {
                body.skip(body.u16("attribute length"), "attribute value");
                unknown = true;
            }
        }
        return new Transform(type, id, keyLength, unknown);
    }
}
