package io.homeward.watcher.internal;

import java.net.InetSocketAddress;

/** The watcher's only way to the network; tests replace it with in-memory fakes. */
interface Network {

    /** Sends a UDP query (retransmitted a few times) and completes with the first response with the same ID. */
    void query(InetSocketAddress server, byte[] query, Completion<byte[]> result);

    /** Opens a UDP socket connected to the server; receives whatever the server sends to it. */
    Link openUdp(InetSocketAddress server, Link.Receiver receiver) throws java.io.IOException;

    /**
     * Opens a TLS connection. The certificate is trusted when its SHA-256 fingerprint equals
     * {@code fingerprint}; an empty pin accepts any certificate. A mismatch fails with
     * {@link FingerprintMismatchException}.
     */
    void openTls(InetSocketAddress server, String fingerprint, Link.Receiver receiver, Completion<Link> result);
}
