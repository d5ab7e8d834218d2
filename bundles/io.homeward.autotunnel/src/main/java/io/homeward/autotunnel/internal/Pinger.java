package io.homeward.autotunnel.internal;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.util.promise.Promise;
import org.osgi.util.promise.TimeoutException;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.Peer;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.text.Ipv6Text;

/**
 * {@code homeward:ping HOST}: finds the host in the directory, keys the tunnel when there is none, then measures the
 * round trip through the IKE SA (the liveness check, RFC 7296 §2.4), and says in one line per step what it saw or
 * what failed. Every wait is bounded. Runs on the caller's thread (the shell's, the console's), never on the
 * autotunnel's.
 */
final class Pinger {
    static final int MAX_COUNT = 100;

    private final Autotunnel autotunnel;
    private final TunnelKeying keying;
    private final Duration keyWait;
    private final Duration probeWait;

    Pinger(Autotunnel autotunnel, TunnelKeying keying, Duration keyWait, Duration probeWait) {
        this.autotunnel = autotunnel;
        this.keying = keying;
        this.keyWait = keyWait;
        this.probeWait = probeWait;
    }

    /** What happened, one line per step; {@link Outcome#ok()} when every probe was answered. */
    Outcome ping(String host, int count) throws InterruptedException {
        if (count < 1 || count > MAX_COUNT) {
            return Outcome.failed(List.of("the count must be 1 to " + MAX_COUNT + ", not " + count));
        }
        if (host == null || host.isBlank()) {
            return Outcome.failed(List.of("name the host to ping"));
        }
        Optional<PeerView> found = autotunnel.find(host);
        if (found.isEmpty()) {
            return Outcome.failed(List.of(host.strip() + " is not in the directory"));
        }
        Peer peer = found.get().peer();
        String name = peer.hostName() + " (" + Ipv6Text.format(peer.ula()) + ")";
        List<String> lines = new ArrayList<>();
        if (status(peer.ula()).map(s -> s.state() != KeyingState.UP).orElse(true)) {
            lines.add("no tunnel to " + name + " yet: keying");
            Optional<String> failure = await(keying.key(peer.ula()), keyWait).failure();
            if (failure.isPresent()) {
                lines.add("keying with " + peer.hostName() + " failed: " + failure.get());
                return Outcome.failed(lines);
            }
        }
        boolean all = true;
        for (int i = 0; i < count; i++) {
            Waited<Duration> probe = await(keying.probe(peer.ula()), probeWait);
            if (probe.failure().isPresent()) {
                lines.add("no pong from " + name + ": " + probe.failure().get());
                all = false;
                continue;
            }
            Duration roundTrip = probe.value();
            autotunnel.pinged(peer.ula(), roundTrip);
            lines.add("pong from " + name + " via " + path(peer) + " in " + millis(roundTrip));
        }
        return new Outcome(all, lines);
    }

    /** Where the IKE SA talks to and how that endpoint was learned. */
    private String path(Peer peer) {
        Optional<InetSocketAddress> used = status(peer.ula()).flatMap(KeyingStatus::endpoint);
        Optional<InetSocketAddress> listed = peer.endpoint();
        if (used.isEmpty() || used.equals(listed)) {
            return used.or(() -> listed).map(Endpoints::text).orElse("an unknown endpoint")
                    + " (direct, endpoint learned by " + peer.source() + ")";
        }
        return Endpoints.text(used.get()) + " (direct, endpoint learned from its packets; the directory lists "
                + listed.map(Endpoints::text).orElse("none") + ")";
    }

    private Optional<KeyingStatus> status(Inet6Address ula) {
        return keying.status().stream().filter(s -> s.peer().equals(ula)).findFirst();
    }

    static String millis(Duration roundTrip) {
        return String.format(Locale.ROOT, "%.1f ms", roundTrip.toNanos() / 1e6);
    }

    private record Waited<T>(T value, Optional<String> failure) {
    }

    private static <T> Waited<T> await(Promise<T> promise, Duration wait) throws InterruptedException {
        try {
            return new Waited<>(promise.timeout(wait.toMillis()).getValue(), Optional.empty());
        } catch (InvocationTargetException e) {
            Throwable why = e.getCause();
            return new Waited<>(null, Optional.of(why instanceof TimeoutException
                    ? "no answer within " + (wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms")
                    : Autotunnel.reason(why)));
        }
    }

    /**
     * What a ping printed.
     *
     * @param ok    whether every probe was answered
     * @param lines what happened, one line per step
     */
    record Outcome(boolean ok, List<String> lines) implements Serializable {
        private static final long serialVersionUID = 1L;

        Outcome {
            lines = List.copyOf(lines);
        }

        static Outcome failed(List<String> lines) {
            return new Outcome(false, lines);
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
