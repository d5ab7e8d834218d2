package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/** Vendor ID payload (RFC 7296 §3.12): opaque octets, ignored when unknown. */
public record VendorIdPayload(byte[] data) implements Payload {

    public VendorIdPayload {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    static VendorIdPayload read(WireReader in) throws IkeFormatException {
        if (in.remaining() == 0) {
            throw new IkeFormatException("Vendor ID payload without data");
        }
        return new VendorIdPayload(in.rest());
    }

    @Override
    public int type() {
        return PayloadType.VENDOR_ID;
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
