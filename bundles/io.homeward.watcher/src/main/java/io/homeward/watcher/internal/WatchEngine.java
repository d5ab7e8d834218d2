package io.homeward.watcher.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

import io.homeward.api.auth.Credentials;
import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.dns.TsigSigner;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.watcher.internal.net.Network;

/**
 * All subscriptions of the watcher. Subscriptions are accepted at any time; they run while
 * credentials exist and pause (keeping what their listeners were told) while they do not.
 */
final class WatchEngine {
    static final long NETWORK_SETTLE_MILLIS = 50;
    /** Re-establishing a subscription waits 1 s, 2 s, 4 s ... up to 5 min, each with up to 10 % random extra. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final Scheduler scheduler;
    private final WatcherSettings settings;
    private final Network network;
    private final Random random;
    private final Clock clock;
    private final Logger log;
    private final Set<SubscriptionRunner> runners = ConcurrentHashMap.newKeySet();

    /** Logic thread only. */
    private SessionFactory sessions;
    /** Logic thread only. */
    private Scheduler.Scheduled pendingRestart;

    WatchEngine(Scheduler scheduler, WatcherSettings settings, Network network, Random random, Clock clock,
            Logger log) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.network = network;
        this.random = random;
        this.clock = clock;
        this.log = log;
    }

    /**
     * @throws IllegalArgumentException when the name is not a valid DNS name or the type is not 1..65535
     */
    Subscription subscribe(String name, int type, RecordListener listener) {
        if (type < 1 || type > 0xFFFF) {
            throw new IllegalArgumentException("the record type must be 1..65535, got " + type);
        }
        Name owner;
        try {
            owner = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a valid DNS name: " + e.getMessage(), e);
        }
        SubscriptionRunner runner = new SubscriptionRunner(owner, type, new WatchView(listener, log),
                settings.mechanisms(), scheduler, clock, new Backoff(FIRST_RETRY, LONGEST_RETRY, random), log);
        runners.add(runner);
        scheduler.execute(() -> {
            if (sessions != null && runners.contains(runner)) {
                runner.startUnlessRunning(sessions);
            }
        });
        return new Handle(runner);
    }

    /** New credentials (or null when signed out): every subscription restarts with them or pauses. */
    void credentials(Credentials credentials) {
        scheduler.execute(() -> {
            SessionFactory previous = sessions;
            sessions = credentials == null ? null : sessionsFor(credentials);
            for (SubscriptionRunner runner : runners) {
                if (sessions == null) {
                    runner.stop();
                } else {
                    runner.start(sessions);
                }
            }
            if (previous != null) {
                previous.close();
            }
        });
    }

    private SessionFactory sessionsFor(Credentials credentials) {
        try {
            Name zone = Name.fromString(credentials.zone(), Name.root);
            TsigSigner signer = new TsigSigner(credentials.tsigKey(), clock);
            return new SessionFactory(settings.pinnedBy(credentials.tlsFingerprint()), zone, signer, network, scheduler,
                    clock, random, log);
        } catch (TextParseException | IllegalArgumentException e) {
            log.error("Cannot watch records with the credentials of {}: {}", credentials.userName(), e.getMessage());
            return null;
        }
    }

    /**
     * The host moved: re-establish every subscription (its old path may be gone). Reports that come back to
     * back cause one restart.
     */
    void reestablishAll() {
        scheduler.execute(() -> {
            if (pendingRestart == null) {
                pendingRestart = scheduler.schedule(() -> {
                    pendingRestart = null;
                    if (sessions != null) {
                        sessions.reconnect();
                    }
                    runners.forEach(SubscriptionRunner::restart);
                }, Duration.ofMillis(NETWORK_SETTLE_MILLIS));
            }
        });
    }

    List<SubscriptionState> status() {
        return runners.stream().map(SubscriptionRunner::status).toList();
    }

    /** Ends every subscription politely (on the logic thread); the caller then stops the threads. */
    void close() {
        scheduler.execute(() -> {
            if (pendingRestart != null) {
                pendingRestart.cancel();
                pendingRestart = null;
            }
            runners.forEach(SubscriptionRunner::stop);
            runners.clear();
            if (sessions != null) {
                sessions.close();
            }
            sessions = null;
        });
    }

    private final class Handle implements Subscription {
        private final SubscriptionRunner runner;

        Handle(SubscriptionRunner runner) {
            this.runner = runner;
        }

        @Override
        public WatchMechanism mechanism() {
            return runner.mechanism();
        }

        @Override
        public void close() {
            if (runners.remove(runner)) {
                scheduler.execute(runner::stop);
            }
        }
    }
}
