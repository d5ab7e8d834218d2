package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Certificate Request payload (RFC 7296 §3.7): for X.509 the SHA-1 hashes of the SubjectPublicKeyInfo of each
 * trusted CA, 20 octets each, concatenated.
 */
public record CertReqPayload(int encoding, byte[] authorities) implements Payload {
    public static final int SHA1_LENGTH = 20;

    public CertReqPayload {
        authorities = authorities.clone();
    }

    @Override
    public byte[] authorities() {
        return authorities.clone();
    }

    /** The CA hashes; empty when the list is not a whole number of SHA-1 hashes. */
    public List<byte[]> authorityHashes() {
        List<byte[]> hashes = new ArrayList<>();
        if (authorities.length % SHA1_LENGTH == 0) {
            for (int i = 0; i < authorities.length; i += SHA1_LENGTH) {
                hashes.add(Arrays.copyOfRange(authorities, i, i + SHA1_LENGTH));
            }
        }
        return hashes;
    }

    static CertReqPayload read(WireReader in) throws IkeFormatException {
        return new CertReqPayload(in.u8("CERTREQ encoding"), in.rest());
    }

    @Override
    public int type() {
        return PayloadType.CERTREQ;
    }

    @Override
    public int bodyLength() {
        return 1 + authorities.length;
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put((byte) encoding).put(authorities);
    }
}
