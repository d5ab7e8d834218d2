package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;

/** Certificate payload (RFC 7296 §3.6): an encoding and, for {@link #X509_SIGNATURE}, one DER certificate. */
public record CertPayload(int encoding, byte[] data) implements Payload {
    public static final int X509_SIGNATURE = 4;

    public CertPayload {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    static CertPayload read(WireReader in) throws IkeFormatException {
        int encoding = in.u8("CERT encoding");
        if (in.remaining() == 0) {
            throw new IkeFormatException("CERT payload without certificate data");
        }
        return new CertPayload(encoding, in.rest());
    }

    @Override
    public int type() {
        return PayloadType.CERT;
    }

    @Override
    public int bodyLength() {
        return 1 + data.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put((byte) encoding).put(data);
    }
}
