package io.homeward.kerberos.internal.pkinit;

import java.util.List;
import java.util.Optional;

/**
 * A PA-PK-AS-REQ the client sent and what it keeps to read the reply: its ephemeral key, the nonce, its DH nonce and
 * the KDFs it offered.
 */
public final class PkinitClientRequest {
    private final byte[] paPkAsReq;
    private final EphemeralKey key;
    private final long nonce;
    private final Optional<byte[]> clientDhNonce;
    private final List<PkinitKdf> kdfs;

    PkinitClientRequest(byte[] paPkAsReq, EphemeralKey key, long nonce, Optional<byte[]> clientDhNonce,
            List<PkinitKdf> kdfs) {
        this.paPkAsReq = paPkAsReq;
        this.key = key;
        this.nonce = nonce;
        this.clientDhNonce = clientDhNonce;
        this.kdfs = List.copyOf(kdfs);
    }

    /** The padata-value of the AS-REQ's PA-PK-AS-REQ (type 16). */
    public byte[] paPkAsReq() {
        return paPkAsReq.clone();
    }

    EphemeralKey key() {
        return key;
    }

    long nonce() {
        return nonce;
    }

    Optional<byte[]> clientDhNonce() {
        return clientDhNonce;
    }

    List<PkinitKdf> kdfs() {
        return kdfs;
    }
}
