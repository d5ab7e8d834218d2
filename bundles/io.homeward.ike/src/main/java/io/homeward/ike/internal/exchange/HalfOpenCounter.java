package io.homeward.ike.internal.exchange;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The responder's half-open IKE SAs (answered IKE_SA_INIT, no IKE_AUTH yet) and when to ask for a COOKIE (RFC 7296
 * §2.6): from {@code threshold} half-open SAs in all or {@code perSource} from one address on (strongSwan: 30 and 3,
 * ikev2.md §6.2). At {@code limit} no more are admitted at all, so memory stays bounded under a flood.
 */
public final class HalfOpenCounter {
    private final int threshold;
    private final int perSource;
    private final int limit;
    private final Map<InetAddress, Integer> bySource = new HashMap<>();
    private int total;

    public HalfOpenCounter(int threshold, int perSource, int limit) {
        if (threshold < 0 || perSource < 0 || limit < 1) {
            throw new IllegalArgumentException("half-open thresholds are not negative and the limit is positive");
        }
        this.threshold = threshold;
        this.perSource = perSource;
        this.limit = limit;
    }

    /** Whether a new IKE_SA_INIT from this address must carry a valid cookie to be answered with state. */
    public boolean cookieRequired(InetAddress source) {
        return total >= threshold || bySource.getOrDefault(source, 0) >= perSource;
    }

    /** Whether one more half-open SA fits. */
    public boolean admits() {
        return total < limit;
    }

    public void opened(InetAddress source) {
        total++;
        bySource.merge(source, 1, Integer::sum);
    }

    public void closed(InetAddress source) {
        if (bySource.containsKey(source)) {
            bySource.computeIfPresent(source, (address, count) -> count == 1 ? null : count - 1);
            total--;
        }
    }

    public int total() {
        return total;
    }
}
