package io.homeward.autotunnel.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.homeward.api.sa.SaStatus;

/**
 * The packets of one peer's SA pairs, as seen by sampling their counters: when a packet last came in and went out, at
 * the sampling's resolution (a packet is dated when the sample that first counts it is taken). Counters are kept per
 * inbound SPI, so a rekey (a new pair counting from zero, RFC 7296 §2.8) is not mistaken for silence. The last packet
 * times outlive the tunnel; the tunnel's start does not.
 */
final class PeerActivity {
    private Map<Integer, long[]> counted = new HashMap<>();
    private Instant tunnelSince;
    private Instant lastIn;
    private Instant lastOut;
    private boolean closing;

    /** Takes the peer's pairs as listed now (none when it has no tunnel). */
    void observe(List<SaStatus> pairs, Instant now) {
        if (pairs.isEmpty()) {
            tunnelSince = null;
            closing = false;
        } else if (tunnelSince == null) {
            tunnelSince = now;
        }
        Map<Integer, long[]> next = new HashMap<>();
        for (SaStatus pair : pairs) {
            long[] before = counted.getOrDefault(pair.inboundSpi(), new long[2]);
            if (pair.packetsIn() > before[0]) {
                lastIn = now;
                closing = false;
            }
            if (pair.packetsOut() > before[1]) {
                lastOut = now;
                closing = false;
            }
            next.put(pair.inboundSpi(), new long[] {pair.packetsIn(), pair.packetsOut()});
        }
        counted = next;
    }

    boolean tunnel() {
        return tunnelSince != null;
    }

    /** The tunnel was asked to close; until it is gone or carries a packet, it is not asked again. */
    void closing() {
        closing = true;
    }

    boolean closeAsked() {
        return closing;
    }

    Optional<Instant> lastIn() {
        return Optional.ofNullable(lastIn);
    }

    Optional<Instant> lastOut() {
        return Optional.ofNullable(lastOut);
    }

    /** The last packet either way, or the tunnel's first sighting when none moved since; only with a tunnel. */
    Instant quietSince() {
        Instant quiet = tunnelSince;
        if (lastIn != null && lastIn.isAfter(quiet)) {
            quiet = lastIn;
        }
        if (lastOut != null && lastOut.isAfter(quiet)) {
            quiet = lastOut;
        }
        return quiet;
    }
}
