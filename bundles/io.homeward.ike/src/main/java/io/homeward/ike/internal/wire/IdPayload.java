package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Identification payload IDi or IDr (RFC 7296 §3.5). Its body, {@link #restOfPayload()}, is what the AUTH payload
 * covers (§2.15).
 */
public record IdPayload(boolean responder, int idType, byte[] data) implements Payload {
    public static final int ID_IPV4_ADDR = 1;
    public static final int ID_FQDN = 2;
    public static final int ID_RFC822_ADDR = 3;
    public static final int ID_IPV6_ADDR = 5;
    public static final int ID_DER_ASN1_DN = 9;
    public static final int ID_DER_ASN1_GN = 10;
    public static final int ID_KEY_ID = 11;

    public IdPayload {
        data = data.clone();
    }

    /** ID_FQDN: the host name in ASCII, without a trailing dot. */
    public static IdPayload fqdn(boolean responder, String hostName) {
        return new IdPayload(responder, ID_FQDN, hostName.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** ID Type, the three reserved octets and the data: RestOfInitIDPayload / RestOfRespIDPayload (§2.15). */
    public byte[] restOfPayload() {
        ByteBuffer body = ByteBuffer.allocate(bodyLength());
        writeBody(body);
        return body.array();
    }

    static IdPayload read(boolean responder, WireReader in) throws IkeFormatException {
        int idType = in.u8("ID type");
        in.skip(3, "ID reserved");
        if (in.remaining() == 0) {
            throw new IkeFormatException("ID payload without identification data");
        }
        return new IdPayload(responder, idType, in.rest());
    }

    @Override
    public int type() {
        return responder ? PayloadType.IDR : PayloadType.IDI;
    }

    @Override
    public int bodyLength() {
        return 4 + data.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put((byte) idType).put(new byte[3]).put(data);
    }
}
