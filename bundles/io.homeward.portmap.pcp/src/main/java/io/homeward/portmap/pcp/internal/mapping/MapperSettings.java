package io.homeward.portmap.pcp.internal.mapping;

import java.time.Duration;

import io.homeward.portmap.pcp.internal.net.RetrySchedule;

/**
 * The mapper's configuration, checked.
 *
 * @param enablePcp        try PCP
 * @param enableNatPmp     try NAT-PMP
 * @param lifetime         the lifetime to ask for when the caller names none
 * @param requests         retransmissions of map and renew requests
 * @param shortRequests    retransmissions of requests that must not hold anything up: deletes while
 *                         stopping, the address request that explains a failure
 */
public record MapperSettings(boolean enablePcp, boolean enableNatPmp, Duration lifetime, RetrySchedule requests,
        RetrySchedule shortRequests) {

    public static MapperSettings of(boolean enablePcp, boolean enableNatPmp, long lifetimeSeconds, int attempts) {
        if (lifetimeSeconds < 120 || lifetimeSeconds > 86_400) {
            throw new IllegalArgumentException("requestedLifetime must be between 120 and 86400 seconds, not " + lifetimeSeconds);
        }
        if (attempts < 1 || attempts > 9) {
            throw new IllegalArgumentException("attempts must be between 1 and 9 (RFC 6886 §3.1), not " + attempts);
        }
        return new MapperSettings(enablePcp, enableNatPmp, Duration.ofSeconds(lifetimeSeconds),
                new RetrySchedule(RetrySchedule.RFC_6886.first(), attempts),
                new RetrySchedule(RetrySchedule.RFC_6886.first(), Math.min(attempts, 3)));
    }
}
