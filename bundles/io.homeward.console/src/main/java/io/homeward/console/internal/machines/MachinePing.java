package io.homeward.console.internal.machines;

import java.lang.reflect.InvocationTargetException;
import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.osgi.util.promise.Promise;
import org.osgi.util.promise.TimeoutException;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.console.internal.PageOutcome;
import io.homeward.kit.net.Endpoints;

/**
 * The machines page's Ping: keys the tunnel when there is none, then measures the round trip through the IKE SA (the
 * liveness check, RFC 7296 §2.4), and says in one line what it saw or which step failed. Both steps together wait at
 * most the given bound, on the request's thread.
 */
final class MachinePing {
    /** The longest a ping holds the console's request. */
    static final Duration BOUND = Duration.ofSeconds(5);

    private final TunnelKeying keying;
    private final Clock clock;
    private final Duration bound;

    MachinePing(TunnelKeying keying, Clock clock, Duration bound) {
        this.keying = keying;
        this.clock = clock;
        this.bound = bound;
    }

    /**
     * @param peer the machine's ULA
     * @param name how the page names it
     */
    PageOutcome ping(Inet6Address peer, String name) throws InterruptedException {
        Instant deadline = clock.instant().plus(bound);
        if (status(peer).map(s -> s.state() != KeyingState.UP).orElse(true)) {
            Optional<String> failure = await(keying.key(peer), deadline).failure();
            if (failure.isPresent()) {
                return PageOutcome.refused("No tunnel to " + name + ": keying failed: " + failure.get());
            }
        }
        Waited<Duration> probe = await(keying.probe(peer), deadline);
        if (probe.failure().isPresent()) {
            return PageOutcome.refused("No pong from " + name + ": " + probe.failure().get());
        }
        String via = status(peer).flatMap(KeyingStatus::endpoint).map(e -> "direct to " + Endpoints.text(e))
                .orElse("the tunnel");
        return PageOutcome.done("Pong from " + name + " in " + String.format(Locale.ROOT, "%.1f ms",
                probe.value().toNanos() / 1e6) + " via " + via + ".");
    }

    private Optional<KeyingStatus> status(Inet6Address peer) {
        return keying.status().stream().filter(s -> s.peer().equals(peer)).findFirst();
    }

    private record Waited<T>(T value, Optional<String> failure) {
    }

    private <T> Waited<T> await(Promise<T> promise, Instant deadline) throws InterruptedException {
        long left = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
        try {
            return new Waited<>(promise.timeout(left).getValue(), Optional.empty());
        } catch (InvocationTargetException e) {
            Throwable why = e.getCause();
            if (why instanceof TimeoutException) {
                return new Waited<>(null, Optional.of("no answer within " + (bound.toMillis() % 1000 == 0
                        ? bound.toSeconds() + " s" : bound.toMillis() + " ms")));
            }
            String message = why == null ? null : why.getMessage();
            return new Waited<>(null, Optional.of(message == null || message.isBlank()
                    ? String.valueOf(why) : message));
        }
    }
}
