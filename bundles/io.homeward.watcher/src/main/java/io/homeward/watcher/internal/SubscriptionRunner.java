package io.homeward.watcher.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Name;

import io.homeward.api.watch.SubscriptionState;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.watcher.internal.session.MechanismSession;
import io.homeward.watcher.internal.session.SessionEvents;

/**
 * Keeps one subscription alive: tries the mechanisms in the configured order, falls back when one
 * is not available, re-establishes after a loss with bounded exponential backoff, and tries the better
 * mechanisms again while it uses a worse one: soon after a loss, then less often, at most every
 * {@link #UPGRADE_MILLIS}. Runs on the
 * logic thread; the status fields are read from any thread.
 */
final class SubscriptionRunner {
    /** Apple's client retries LLQ after 15 minutes of polling; we do the same for any fallback. */
    static final long UPGRADE_MILLIS = 15 * 60_000;
    /**
     * After the better mechanism was lost (a server restart, a network change) the fallback is likely a passing
     * outage: try the better one again this soon, doubling up to {@link #UPGRADE_MILLIS}.
     */
    static final long RECOVERY_UPGRADE_MILLIS = 5_000;
    /** A session that lived this long was healthy: its loss starts the backoff from the beginning. */
    static final long HEALTHY_MILLIS = 60_000;

    private final Name name;
    private final int type;
    private final WatchView view;
    private final List<WatchMechanism> order;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final Logger log;

    private volatile WatchMechanism mechanism = WatchMechanism.NONE;
    private volatile long leaseExpiry;
    private volatile long lastEvent;

    private SessionSource factory;
    private Attempt current;
    private Scheduler.Scheduled timer = () -> { };
    private long upgradeMillis = UPGRADE_MILLIS;

    SubscriptionRunner(Name name, int type, WatchView view, List<WatchMechanism> order, Scheduler scheduler, Clock clock,
            Backoff backoff,
            Logger log) {
        this.name = name;
        this.type = type;
        this.view = view;
        this.order = List.copyOf(order);
        this.scheduler = scheduler;
        this.clock = clock;
        this.backoff = backoff;
        this.log = log;
    }

    /** Starts (or restarts) with these credentials' sessions, from the most preferred mechanism. */
    void start(SessionSource sessions) {
        stop();
        factory = sessions;
        backoff.reset();
        attempt(0);
    }

    /**
     * Starts with these sessions unless it already runs with them: a subscription made while credentials arrive
     * is started by whichever of the two comes second on the logic thread, once.
     */
    void startUnlessRunning(SessionSource sessions) {
        if (factory != sessions) {
            start(sessions);
        }
    }

    /** Stops delivering changes; the listener keeps the last view. */
    void stop() {
        factory = null;
        mechanism = WatchMechanism.NONE;
        timer.cancel();
        endCurrent();
    }

    /** The host moved: whatever we had may be dead, so start again at once. */
    void restart() {
        if (factory != null) {
            start(factory);
            upgradeMillis = RECOVERY_UPGRADE_MILLIS;
        }
    }

    private void endCurrent() {
        Attempt attempt = current;
        current = null;
        leaseExpiry = 0;
        if (attempt != null) {
            attempt.session.close();
        }
    }

    private void attempt(int first) {
        if (factory == null) {
            return;
        }
        for (int index = first; index < order.size(); index++) {
            Attempt attempt = new Attempt(index);
            MechanismSession session = factory.create(order.get(index), name, type, attempt);
            if (session != null) {
                attempt.session = session;
                current = attempt;
                session.start();
                return;
            }
        }
        mechanism = WatchMechanism.NONE;
        long delay = backoff.next().toMillis();
        log.warn("No mechanism can watch {} {} now; trying again in {} ms", name, typeName(), delay);
        retryIn(delay);
    }

    private void retryIn(long delayMillis) {
        timer.cancel();
        timer = scheduler.schedule(() -> attempt(0), Duration.ofMillis(delayMillis));
    }

    private String typeName() {
        return org.xbill.DNS.Type.string(type);
    }

    WatchMechanism mechanism() {
        return mechanism;
    }

    SubscriptionState status() {
        return new SubscriptionState(name.toString(), type, mechanism, instant(leaseExpiry), instant(lastEvent));
    }

    /** The status fields hold epoch milliseconds, 0 for "not yet". */
    private static Optional<Instant> instant(long epochMillis) {
        return epochMillis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(epochMillis));
    }

    /** The events of one session; stale ones (from a session already replaced) are ignored. */
    private final class Attempt implements SessionEvents {
        private final int index;
        private MechanismSession session;
        private long establishedAt = -1;

        Attempt(int index) {
            this.index = index;
        }

        private boolean live() {
            return current == this;
        }

        @Override
        public void established() {
            if (!live()) {
                return;
            }
            establishedAt = clock.millis();
            mechanism = order.get(index);
            log.info("Watching {} {} with {}", name, typeName(), mechanism);
            if (index == 0) {
                upgradeMillis = UPGRADE_MILLIS;
            } else {
                timer.cancel();
                timer = scheduler.schedule(() -> {
                    log.debug("Trying the preferred mechanisms for {} again", name);
                    endCurrent();
                    attempt(0);
                }, Duration.ofMillis(upgradeMillis));
                upgradeMillis = Math.min(upgradeMillis * 2, UPGRADE_MILLIS);
            }
        }

        @Override
        public void answers(Collection<WatchedRecord> records) {
            if (live()) {
                lastEvent = clock.millis();
                view.replaceAll(records);
            }
        }

        @Override
        public void added(WatchedRecord record) {
            if (live()) {
                lastEvent = clock.millis();
                view.add(record);
            }
        }

        @Override
        public void removed(WatchedRecord record) {
            if (live()) {
                lastEvent = clock.millis();
                view.remove(record);
            }
        }

        @Override
        public void removedAll(Predicate<WatchedRecord> filter) {
            if (live()) {
                lastEvent = clock.millis();
                view.removeIf(filter);
            }
        }

        @Override
        public void leaseExpires(long epochMillis) {
            if (live()) {
                leaseExpiry = epochMillis;
            }
        }

        /**
         * Like a loss, but the session comes back by itself (and logs it once for all its watches); if it cannot,
         * its failure makes this one fall back.
         */
        @Override
        public void interrupted(String reason) {
            if (!live()) {
                return;
            }
            WatchMechanism lost = order.get(index);
            log.debug("Lost {} for {} {} ({}); its session is re-establishing", lost, name, typeName(), reason);
            mechanism = WatchMechanism.NONE;
            leaseExpiry = 0;
            establishedAt = -1;
            upgradeMillis = RECOVERY_UPGRADE_MILLIS;
        }

        @Override
        public void failed(String reason, long retryAfterMillis, boolean trustFailure) {
            if (!live()) {
                return;
            }
            current = null;
            leaseExpiry = 0;
            WatchMechanism failedMechanism = order.get(index);
            if (trustFailure) {
                log.error("{} for {} is refused: {}", failedMechanism, name, reason);
            }
            if (establishedAt < 0) {
                log.info("{} is not available for {} {}: {}", failedMechanism, name, typeName(), reason);
                attempt(index + 1);
                return;
            }
            timer.cancel();
            mechanism = WatchMechanism.NONE;
            upgradeMillis = RECOVERY_UPGRADE_MILLIS;
            if (clock.millis() - establishedAt >= HEALTHY_MILLIS) {
                backoff.reset();
            }
            long delay = Math.max(backoff.next().toMillis(), retryAfterMillis);
            log.info("Lost {} for {} {} ({}); re-establishing in {} ms", failedMechanism, name, typeName(), reason,
                    delay);
            retryIn(delay);
        }
    }
}
