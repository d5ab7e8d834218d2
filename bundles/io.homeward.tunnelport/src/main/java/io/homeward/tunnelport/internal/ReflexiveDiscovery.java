package io.homeward.tunnelport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.homeward.kit.net.Endpoints;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.stun.StunBinding;

/**
 * Learns the tunnel port's public endpoint from a STUN server (RFC 8489 §6.2.1: Binding requests over UDP,
 * retransmitted with doubling intervals). Runs on the component's scheduler thread; responses are handed in
 * from the receive thread through the scheduler. Asks again after every network change and every
 * {@code interval}, so a NAT that rebinds the port is noticed.
 */
final class ReflexiveDiscovery {
    /** First retransmission after 250 ms, then doubling: 0.25 + 0.5 + 1 + 2 + 4 s before giving up on a round. */
    static final Duration FIRST_TIMEOUT = Duration.ofMillis(250);
    static final int ATTEMPTS = 5;

    interface RequestSender {
        void send(byte[] request, InetSocketAddress server) throws IOException;
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final Supplier<byte[]> transactionIds;
    private final RequestSender sender;
    private final Optional<InetSocketAddress> server;
    private final Duration interval;
    private final Consumer<Optional<InetSocketAddress>> changed;

    private byte[] pending;
    private int attempt;
    private Scheduler.Scheduled timer;
    private Optional<InetSocketAddress> endpoint = Optional.empty();
    private Instant learnedAt;
    private String state;

    ReflexiveDiscovery(Scheduler scheduler, Clock clock, Supplier<byte[]> transactionIds, RequestSender sender,
            Optional<InetSocketAddress> server, Duration interval, Consumer<Optional<InetSocketAddress>> changed) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.transactionIds = transactionIds;
        this.sender = sender;
        this.server = server;
        this.interval = interval;
        this.changed = changed;
        this.state = server.isPresent() ? "not asked yet" : "no STUN server configured";
    }

    /** Starts a new round now, dropping one in flight (its answer would describe the old network). */
    void ask() {
        if (server.isEmpty()) {
            return;
        }
        cancelTimer();
        pending = transactionIds.get();
        attempt = 0;
        state = "asking " + Endpoints.text(server.get());
        transmit();
    }

    /** A datagram from the STUN server's address; true if it answered the round in flight. */
    boolean response(byte[] buffer, int offset, int length) {
        if (pending == null) {
            return false;
        }
        InetSocketAddress mapped = StunBinding.mappedAddress(buffer, offset, length, pending);
        if (mapped == null) {
            return false;
        }
        pending = null;
        cancelTimer();
        learnedAt = clock.instant();
        state = "learned from " + Endpoints.text(server.get());
        update(Optional.of(mapped));
        timer = scheduler.schedule(this::ask, interval);
        return true;
    }

    Optional<InetSocketAddress> endpoint() {
        return endpoint;
    }

    Optional<Instant> learnedAt() {
        return Optional.ofNullable(learnedAt);
    }

    String state() {
        return state;
    }

    void stop() {
        cancelTimer();
        pending = null;
    }

    private void transmit() {
        try {
            sender.send(StunBinding.request(pending), server.get());
        } catch (IOException e) {
            state = "cannot reach " + Endpoints.text(server.get()) + ": " + e.getMessage();
        }
        Duration wait = FIRST_TIMEOUT.multipliedBy(1L << attempt);
        timer = scheduler.schedule(this::timedOut, wait);
    }

    private void timedOut() {
        attempt++;
        if (attempt < ATTEMPTS) {
            transmit();
            return;
        }
        pending = null;
        state = "no answer from " + Endpoints.text(server.get()) + " after " + ATTEMPTS + " requests; asking again in "
                + interval.toSeconds() + " s";
        update(Optional.empty());
        timer = scheduler.schedule(this::ask, interval);
    }

    private void update(Optional<InetSocketAddress> now) {
        if (!now.equals(endpoint)) {
            endpoint = now;
            changed.accept(now);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
