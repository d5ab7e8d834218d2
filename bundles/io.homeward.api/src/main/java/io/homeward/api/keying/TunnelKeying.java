package io.homeward.api.keying;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.util.promise.Promise;

/**
 * Negotiates SA pairs with the user's other hosts, by their ULA. The key exchange answers a peer that initiates at any
 * time; it initiates itself only through {@link #key}. Listeners are registered on the service (not as a whiteboard)
 * so that a consumer which the key exchange never references forms no cycle.
 *
 * @since 1.0
 */
@ProviderType
public interface TunnelKeying {

    /**
     * Makes sure the peer has an SA pair: resolves at once if one is installed, joins a negotiation under way, or
     * starts one (RFC 7296 §1.2: IKE_SA_INIT, then IKE_AUTH with the Child SA). The promise resolves with the status
     * once the pair is installed and fails with a one-line reason (the peer is not listed, has no endpoint, did not
     * answer, refused our certificate, ...) a person can act on.
     */
    Promise<KeyingStatus> key(Inet6Address peer);

    /**
     * Deletes the IKE SA with the peer and its Child SAs, telling the peer (RFC 7296 §1.4.1); the reason is logged.
     * Returns false if there was nothing to close.
     */
    boolean close(Inet6Address peer, String reason);

    /**
     * Measures the round trip to the peer through its IKE SA with an empty INFORMATIONAL request (the liveness check,
     * RFC 7296 §2.4). Fails with a one-line reason if the peer has no IKE SA or does not answer in time.
     */
    Promise<Duration> probe(Inet6Address peer);

    /** One entry per peer the key exchange knows of: listed in the directory, or with an IKE SA. */
    List<KeyingStatus> status();

    /** Tells the listener of every later change of a peer's {@link KeyingStatus}; adding one twice adds it once. */
    void addKeyingListener(KeyingListener listener);

    /** Stops telling the listener; unknown listeners are ignored. */
    void removeKeyingListener(KeyingListener listener);
}
