package io.homeward.tunnel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.homeward.api.sa.SaStatus;

/**
 * The SA pairs with one peer, oldest first, and the one that carries this host's packets to it. A peer has one pair,
 * or while a Child SA is rekeyed make-before-break (RFC 7296 §2.8) the old and the new ones. Immutable.
 *
 * @param pairs   never empty, oldest first
 * @param sending one of {@code pairs}
 */
record PeerPairs(List<SecurityAssociation> pairs, SecurityAssociation sending) {

    PeerPairs {
        pairs = List.copyOf(pairs);
    }

    /** A peer's only pair, sending. */
    static PeerPairs only(SecurityAssociation pair) {
        return new PeerPairs(List.of(pair), pair);
    }

    /** These pairs and a newer one, which sends now or once the current sending pair is no more. */
    PeerPairs with(SecurityAssociation added, boolean sendsNow) {
        List<SecurityAssociation> more = new ArrayList<>(pairs);
        more.add(added);
        return new PeerPairs(more, sendsNow ? added : sending);
    }

    /** These pairs without one; if it was sending, the newest remaining pair sends. Null when none remains. */
    PeerPairs without(SecurityAssociation removed) {
        List<SecurityAssociation> fewer = new ArrayList<>(pairs);
        fewer.remove(removed);
        if (fewer.isEmpty()) {
            return null;
        }
        return new PeerPairs(fewer, removed == sending ? fewer.get(fewer.size() - 1) : sending);
    }

    /**
     * These pairs with {@code pair} sending, if it is one of them and newer than the sending pair; otherwise this:
     * a late packet on an older pair never turns the peer back to it.
     */
    PeerPairs sendingOn(SecurityAssociation pair) {
        return pairs.indexOf(pair) > pairs.indexOf(sending) ? new PeerPairs(pairs, pair) : this;
    }

    /** The pair with this inbound SPI, or null. */
    SecurityAssociation byInboundSpi(int spi) {
        return pairs.stream().filter(sa -> sa.inboundSpi() == spi).findFirst().orElse(null);
    }

    /** Every pair's status, the sending pair first, then the others oldest first. */
    Stream<SaStatus> statuses() {
        return Stream.concat(Stream.of(sending.status(true)),
                pairs.stream().filter(sa -> sa != sending).map(sa -> sa.status(false)));
    }
}
