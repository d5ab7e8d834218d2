package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/** Key Exchange payload (RFC 7296 §3.4): the Diffie-Hellman group and this side's public value. */
public record KePayload(int group, byte[] data) implements Payload {

    public KePayload {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    static KePayload read(WireReader in) throws IkeFormatException {
        int group = in.u16("KE group");
        in.skip(2, "KE reserved");
        if (in.remaining() == 0) {
            throw new IkeFormatException("KE payload without key exchange data");
        }
        return new KePayload(group, in.rest());
    }

    @Override
    public int type() {
        return PayloadType.KE;
    }

    @Override
    public int bodyLength() {
        return 4 + data.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.putShort((short) group).putShort((short) 0).put(data);
    }
}
