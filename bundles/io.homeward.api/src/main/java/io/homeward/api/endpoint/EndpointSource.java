package io.homeward.api.endpoint;

/** How this host's public endpoint was learned, best first (docs/architecture.md, "Where peers reach a host"). */
public enum EndpointSource {
    /** The gateway in front of the host mapped the tunnel port (PCP, NAT-PMP or UPnP IGD). */
    MAPPING,
    /** An operator configured the public address. */
    CONFIGURED,
    /** A STUN server (RFC 8489) saw the tunnel port's packets from this address and port. */
    STUN,
    /** This host's own address and the tunnel port: nothing better is known. */
    LOCAL
}
