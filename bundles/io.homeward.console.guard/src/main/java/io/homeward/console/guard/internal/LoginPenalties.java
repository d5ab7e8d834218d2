package io.homeward.console.guard.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failed console logins per client address and the penalty they earn: after {@code free} failures each further one
 * shuts the address out for a time that doubles from {@code first} up to {@code longest}. A penalty is served by
 * refusing at once (429), never by holding a request. A success clears the address; failures older than
 * {@code forgetAfter} are forgotten. At most {@link #TRACKED} addresses are kept, the longest quiet dropped first.
 */
final class LoginPenalties {
    static final int TRACKED = 10_000;

    /** The tunables, from the guard's configuration. */
    record Settings(int free, Duration first, Duration longest, Duration forgetAfter) {
    }

    /** An address serving a penalty, for the report. */
    record Penalised(String address, int failures, Duration left) {
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant until = Instant.MIN;
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > TRACKED;
        }
    };

    LoginPenalties(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long the address is still shut out, or empty. */
    synchronized Optional<Duration> remaining(String address) {
        Failures f = current(address);
        if (f == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.until);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Counts a failed login; returns the penalty it starts (zero while failures are still free). */
    synchronized Duration failed(String address) {
        Failures f = current(address);
        if (f == null) {
            f = new Failures();
            byAddress.put(address, f);
        }
        f.count++;
        f.last = clock.instant();
        Duration penalty = penaltyAfter(f.count);
        f.until = f.last.plus(penalty);
        return penalty;
    }

    synchronized void succeeded(String address) {
        byAddress.remove(address);
    }

    /** Addresses shut out now, most failures first. */
    synchronized List<Penalised> penalised() {
        List<Penalised> out = new ArrayList<>();
        Instant now = clock.instant();
        byAddress.forEach((address, f) -> {
            if (f.until.isAfter(now)) {
                out.add(new Penalised(address, f.count, Duration.between(now, f.until)));
            }
        });
        out.sort(Comparator.comparingInt(Penalised::failures).reversed());
        return out;
    }

    Settings settings() {
        return settings;
    }

    private Duration penaltyAfter(int failures) {
        int beyond = failures - settings.free();
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration penalty = settings.first().multipliedBy(1L << Math.min(beyond - 1, 30));
        return penalty.compareTo(settings.longest()) > 0 ? settings.longest() : penalty;
    }

    private Failures current(String address) {
        Failures f = byAddress.get(address);
        if (f != null && f.last.plus(settings.forgetAfter()).isBefore(clock.instant()) && !f.until.isAfter(clock.instant())) {
            byAddress.remove(address);
            return null;
        }
        return f;
    }
}
