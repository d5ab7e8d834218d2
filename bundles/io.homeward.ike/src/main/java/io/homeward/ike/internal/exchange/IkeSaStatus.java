package io.homeward.ike.internal.exchange;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an IKE SA shows: whether this side initiated it, its state, its SPIs, the peer's endpoint and FQDN (empty
 * until known), the serial number of the certificate the peer authenticated with (empty before) and its expiry, the negotiated
 * algorithms (empty before IKE_SA_INIT completed), whether a NAT was detected (RFC 7296 §2.23), whether the first
 * Child SA was installed, its age, how long until its rekey timer fires (§2.8; empty when none runs) and its Child
 * SAs, oldest first, and the round trip of its last answered empty INFORMATIONAL request (the liveness check,
 * §2.4; empty before one).
 */
public record IkeSaStatus(boolean initiator, IkeSaState state, long initiatorSpi, long responderSpi,
        InetSocketAddress peerEndpoint, String peerFqdn, Optional<BigInteger> peerSerial,
        Optional<Instant> peerNotAfter, String algorithms,
        boolean natDetected, boolean childInstalled, Duration age, Optional<Duration> rekeyIn,
        List<ChildSaStatus> children, Optional<Duration> roundTrip) {

    public IkeSaStatus {
        children = List.copyOf(children);
    }

    /** The SPI this side chose, which names the SA to {@link IkeEngine#close(long, String)}. */
    public long localSpi() {
        return initiator ? initiatorSpi : responderSpi;
    }
}
