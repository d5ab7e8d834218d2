package io.homeward.rendezvous.dns.internal.lease;

/**
 * Grants leases within the operator's range (RFC 9664: a server MAY grant another value than asked; the
 * client then uses the granted one). The same range applies to KEY-LEASE.
 */
public final class LeasePolicy {
    private final long minSeconds;
    private final long maxSeconds;

    public LeasePolicy(long minSeconds, long maxSeconds) {
        this.minSeconds = minSeconds;
        this.maxSeconds = maxSeconds;
    }

    public UpdateLease grant(UpdateLease requested) {
        return new UpdateLease(clamp(requested.lease()), clamp(requested.keyLease()), requested.longForm());
    }

    private long clamp(long seconds) {
        return Math.max(minSeconds, Math.min(maxSeconds, seconds));
    }
}
