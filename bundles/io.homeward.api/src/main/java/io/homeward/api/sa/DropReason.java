package io.homeward.api.sa;

/**
 * Why a packet of an SA pair was dropped. The inbound reasons come first, in the order RFC 4303 §3.4 checks them;
 * the outbound ones follow.
 */
public enum DropReason {
    /** No SA has the packet's SPI; such a packet cannot be charged to an SA pair, so this stays zero in a status. */
    UNKNOWN_SPI,
    REPLAY,
    BAD_ICV,
    WRONG_INNER_SOURCE,
    /**
     * Inbound: too short for the SA's ICV, or authentic with bad padding, something other than IPv6, or an inner
     * packet longer than what arrived.
     *
     * @since 1.1
     */
    MALFORMED,
    /**
     * Inbound: authentic, but the inner packet is not for this host.
     *
     * @since 1.1
     */
    WRONG_INNER_DESTINATION,
    /**
     * Outbound: the peer's outer endpoint is not known yet.
     *
     * @since 1.1
     */
    NO_ENDPOINT,
    /**
     * Outbound: the packet does not fit one UDP datagram once sealed.
     *
     * @since 1.1
     */
    TOO_BIG,
    /**
     * Outbound: the cipher refused to seal (a broken crypto provider).
     *
     * @since 1.1
     */
    SEAL_FAILED,
    /**
     * Outbound: the SA has used its last sequence number and must be replaced (RFC 4303 §3.3.3: the counter never
     * cycles). Without ESN that is 2^32 − 1, about 70 minutes at a million packets per second: such an SA needs a
     * rekey.
     *
     * @since 1.1
     */
    SEQUENCE_EXHAUSTED
}
