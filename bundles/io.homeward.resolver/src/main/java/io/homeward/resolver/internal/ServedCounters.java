package io.homeward.resolver.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many queries ended which way since the component started, and how many were dropped over the rate limit. */
final class ServedCounters {
    private final Map<Decision.Outcome, LongAdder> outcomes = new EnumMap<>(Decision.Outcome.class);
    private final LongAdder rateLimited = new LongAdder();

    ServedCounters() {
        for (Decision.Outcome outcome : Decision.Outcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    void count(Decision.Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    long of(Decision.Outcome outcome) {
        return outcomes.get(outcome).sum();
    }

    long rateLimitedCount() {
        return rateLimited.sum();
    }
}
