package io.homeward.portmap.pcp.internal.mapping;

import java.time.Duration;
import java.time.Instant;

import io.homeward.api.portmap.MapperProtocol;

/**
 * Notices that the gateway lost its mapping state from the epoch (seconds since its table was
 * reset) in every reply and announcement. NAT-PMP (RFC 6886 §3.6): the gateway's clock may run up
 * to 1/8 slow, with 2 s slack. PCP (RFC 6887 §8.5): either clock may drift 1/16, with 2 s slack, and
 * the epoch must never go back by more than 1 s.
 */
final class EpochTracker {
    private long previousEpoch = -1;
    private Instant previousAt;

    /** Records the epoch seen at the given local time; true when the gateway must have lost its mappings. */
    synchronized boolean stateLost(MapperProtocol protocol, long epoch, Instant at) {
        boolean lost = previousAt != null && (protocol == MapperProtocol.PCP ? pcpInvalid(epoch, at) : natPmpInvalid(epoch, at));
        previousEpoch = epoch;
        previousAt = at;
        return lost;
    }

    /** Forgets the gateway (another gateway's epoch says nothing about this one). */
    synchronized void reset() {
        previousEpoch = -1;
        previousAt = null;
    }

    private boolean natPmpInvalid(long epoch, Instant at) {
        long ours = Math.max(0, Duration.between(previousAt, at).toSeconds());
        long theirs = epoch - previousEpoch;
        return epoch < previousEpoch || theirs + 2 < ours - ours / 8;
    }

    private boolean pcpInvalid(long epoch, Instant at) {
        if (epoch < previousEpoch - 1) {
            return true;
        }
        long client = Math.max(0, Duration.between(previousAt, at).toSeconds());
        long server = epoch - previousEpoch;
        return client + 2 < server - server / 16 || server + 2 < client - client / 16;
    }
}
