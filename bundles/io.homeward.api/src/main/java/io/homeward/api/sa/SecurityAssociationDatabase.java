package io.homeward.api.sa;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The ESP SAs of this host: pairs of SAs with peers, each pair found by its inbound SPI. A peer normally has one
 * pair; while a Child SA is rekeyed (RFC 7296 §2.8) it has the old and the new one: packets authenticate on either,
 * and one of them — the sending pair — carries this host's packets to the peer.
 */
@ProviderType
public interface SecurityAssociationDatabase {

    /**
     * Installs the spec's pair as the peer's only pair, sending at once: any other pair with the peer is removed.
     *
     * @throws IllegalArgumentException naming what is wrong with the spec; nothing changes then
     */
    void install(SaSpec spec);

    /**
     * Adds the spec's pair beside the peer's existing pairs (make-before-break rekey, RFC 7296 §2.8): inbound
     * packets authenticate on every pair at once; the new pair becomes the sending pair as {@code sending} says.
     * The old pairs stay until {@link #remove(Inet6Address, int)}.
     *
     * @param sending {@link Sending#NOW} for the side that learnt last that both ends hold the new keys (the
     *                initiator of the rekey, on the response); {@link Sending#AFTER_FIRST_INBOUND} for the other
     *                side, which goes on sending on its current pair until a packet authenticates on the new one or
     *                the current pair is removed
     * @throws IllegalArgumentException naming what is wrong with the spec; nothing changes then
     * @since 1.3
     */
    void add(SaSpec spec, Sending sending);

    /**
     * A fresh inbound SPI (RFC 4303 §2.1) for a pair about to be negotiated: not reserved (0–255), not used by an
     * installed pair or another reservation, and never one that could be mistaken for another protocol on the
     * tunnel port. It stays reserved until a pair with it is installed or added, or until {@link #releaseSpi}.
     *
     * @since 1.3
     */
    int reserveSpi();

    /**
     * Gives back a reserved SPI whose negotiation failed; an SPI that is not reserved is ignored.
     *
     * @since 1.3
     */
    void releaseSpi(int spi);

    /** Removes every pair with the peer; returns false if there was none. */
    boolean remove(Inet6Address peer);

    /**
     * Removes the peer's pair with this inbound SPI; if it was the sending pair, the newest remaining pair sends.
     * Returns false if the peer has no such pair.
     *
     * @since 1.3
     */
    boolean remove(Inet6Address peer, int inboundSpi);

    /**
     * Moves every pair with the peer to another outer endpoint, as an authenticated ESP packet from there would: the
     * keys, sequence numbers and replay windows stay (MOBIKE, RFC 4555 §3.5). Returns false if the peer has no pair.
     *
     * @since 1.4
     */
    boolean moveEndpoint(Inet6Address peer, InetSocketAddress to);

    /** Every pair, the sending pair of a peer before its other pairs. */
    List<SaStatus> list();

    /**
     * Tells the listener of packets sent to an address without a pair, and holds such packets until a pair is
     * installed for it ({@link MissingSaListener}); adding one twice adds it once.
     *
     * @since 1.5
     */
    void addMissingSaListener(MissingSaListener listener);

    /**
     * Stops telling the listener; with the last one gone, held packets are dropped and no more are held. Unknown
     * listeners are ignored.
     *
     * @since 1.5
     */
    void removeMissingSaListener(MissingSaListener listener);

    /**
     * When a pair added beside others starts carrying this host's packets.
     *
     * @since 1.3
     */
    enum Sending {
        /** At once. */
        NOW,
        /** When a packet first authenticates on it, or when the sending pair is removed, whichever comes first. */
        AFTER_FIRST_INBOUND
    }
}
