package io.homeward.ike.internal.exchange;

import java.time.Duration;
import java.util.Random;

/**
 * When SAs are rekeyed (RFC 7296 §2.8), as charon's rekey_time, life_time and rand_time: a Child SA after
 * {@code childRekey} less a random part of up to {@code jitterPercent} % of it, so that both ends rarely start at
 * once (§2.8.1); a Child SA that could not be rekeyed by {@code childLifetime} is deleted; an IKE SA after
 * {@code ikeRekey}, jittered the same way. A Child SA without Extended Sequence Numbers is rekeyed early once it has
 * sent {@link #SEQUENCE_LIMIT} packets, well before its counter would run out (RFC 4303 §3.3.3).
 */
public record Lifetimes(Duration childRekey, Duration childLifetime, Duration ikeRekey, int jitterPercent) {
    /** charon's defaults: Child SAs rekeyed after 1 h (deleted after 1 h 6 min), IKE SAs after 4 h, 10 % jitter. */
    public static final Lifetimes DEFAULTS = new Lifetimes(Duration.ofMinutes(60), Duration.ofMinutes(66),
            Duration.ofHours(4), 10);
    /** 15/16 of the 2^32 sequence numbers of an SA without ESN: at a million packets a second, 4 minutes left. */
    static final long SEQUENCE_LIMIT = 0xF000_0000L;
    /** How often the packets sent on an SA without ESN are counted. */
    static final Duration SEQUENCE_CHECK = Duration.ofSeconds(10);
    /** A rekey that could not start or was refused for now (TEMPORARY_FAILURE, §2.25) is tried again this late. */
    static final Duration RETRY = Duration.ofSeconds(10);

    public Lifetimes {
        if (!positive(childRekey) || !positive(ikeRekey) || childLifetime.compareTo(childRekey) <= 0
                || jitterPercent < 0 || jitterPercent > 50) {
            throw new IllegalArgumentException("rekey times must be positive, the Child SA lifetime longer than its"
                    + " rekey time and the jitter 0 to 50 %");
        }
    }

    /** The time less a random part of up to the jitter. */
    Duration jittered(Duration time, Random random) {
        long spread = time.toMillis() * jitterPercent / 100;
        return spread == 0 ? time : time.minusMillis((long) (random.nextDouble() * spread));
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
