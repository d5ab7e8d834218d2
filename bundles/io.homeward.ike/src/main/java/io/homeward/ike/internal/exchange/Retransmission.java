package io.homeward.ike.internal.exchange;

import java.time.Duration;

/**
 * When a requester sends its request again (RFC 7296 §2.1, §2.4): 4 s × 1.8ⁿ after the n-th sending, five times,
 * and after the last wait the peer is dead — strongSwan's schedule (ikev2.md §7), about 165 s in all.
 */
public record Retransmission(Duration first, double base, int tries) {
    public static final Retransmission STRONGSWAN = new Retransmission(Duration.ofSeconds(4), 1.8, 5);

    public Retransmission {
        if (first.isNegative() || first.isZero() || base < 1 || tries < 0) {
            throw new IllegalArgumentException("retransmission needs a positive first wait, a base of at least 1"
                    + " and no negative count of tries");
        }
    }

    /**
     * How long to wait for the response after the request was sent {@code sent} times (1 for the first sending);
     * the wait after the last retransmission ends in giving up.
     */
    public Duration wait(int sent) {
        return Duration.ofMillis(Math.round(first.toMillis() * Math.pow(base, sent - 1)));
    }

    /** Whether another sending is due after {@code sent} sendings went unanswered; else the peer is dead. */
    public boolean again(int sent) {
        return sent <= tries;
    }
}
