package io.homeward.watcher.internal.net;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;

import io.homeward.kit.dns.FingerprintMismatchException;

/** The watcher's only way to the network; tests replace it with in-memory fakes. */
public interface Network {

    /** Where every promise of this network resolves: the logic thread. */
    PromiseFactory promises();

    /** Sends a UDP query (retransmitted a few times) and resolves with the first response with the same ID. */
    Promise<byte[]> query(InetSocketAddress server, byte[] query);

    /** Opens a UDP socket connected to the server; receives whatever the server sends to it. */
    Link openUdp(InetSocketAddress server, Link.Receiver receiver) throws IOException;

    /**
     * Opens a TLS connection. The certificate is trusted when its SHA-256 fingerprint equals
     * {@code fingerprint}; an empty pin accepts any certificate. A mismatch fails with
     * {@link FingerprintMismatchException}.
     */
    Promise<Link> openTls(InetSocketAddress server, String fingerprint, Link.Receiver receiver);
}
