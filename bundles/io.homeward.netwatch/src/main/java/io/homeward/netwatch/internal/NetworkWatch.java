package io.homeward.netwatch.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.kit.schedule.Scheduler;

/**
 * Follows the network: the event source says something happened, a fresh snapshot says what, and the
 * difference from the previous snapshot, collapsed per kind over a short window, is what listeners hear.
 * When the event source cannot run or dies, snapshots are polled instead while it is restarted with
 * backoff. All state is touched on the scheduler's one thread.
 */
final class NetworkWatch {
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final SnapshotSource snapshots;
    private final EventSource events;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration collapseWindow;
    private final Duration pollInterval;
    private final Consumer<NetworkChange> deliver;
    private final Logger log;

    private NetworkSnapshot last = NetworkSnapshot.EMPTY;
    private List<NetworkChange> lastChanges = List.of();
    private EventSource.Running running;
    private Scheduler.Scheduled pendingConfirm;
    private Scheduler.Scheduled nextPoll;
    private Scheduler.Scheduled nextRestart;
    private Duration backoff = Duration.ofSeconds(1);
    private String fallbackReason;
    private String snapshotProblem;
    private boolean stopped;
    private volatile NetworkStatus status;

    NetworkWatch(SnapshotSource snapshots, EventSource events, Scheduler scheduler, Clock clock,
            Duration collapseWindow, Duration pollInterval, Consumer<NetworkChange> deliver, Logger log) {
        this.snapshots = snapshots;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
        this.collapseWindow = collapseWindow;
        this.pollInterval = pollInterval;
        this.deliver = deliver;
        this.log = log;
        this.status = new NetworkStatus(last, lastChanges, "starting");
    }

    /** Takes the first snapshot (the baseline; it is not reported as a change) and starts the event source. */
    void start() {
        scheduler.execute(() -> {
            NetworkSnapshot first = take();
            if (first != null) {
                last = first;
            }
            startEvents();
        });
    }

    /** Stops the event source and every timer; nothing is delivered after this task ran. */
    void stop() {
        scheduler.execute(() -> {
            stopped = true;
            cancel(pendingConfirm);
            cancel(nextPoll);
            cancel(nextRestart);
            if (running != null) {
                running.stop();
                running = null;
            }
        });
    }

    NetworkStatus status() {
        return status;
    }

    private void startEvents() {
        if (stopped) {
            return;
        }
        try {
            running = events.start(change -> scheduler.execute(() -> eventSeen(change)),
                    reason -> scheduler.execute(() -> eventsEnded(reason)));
        } catch (IOException | RuntimeException e) {
            fallBack("cannot run " + events.describe() + ": " + e.getMessage());
            return;
        }
        cancel(nextPoll);
        nextPoll = null;
        if (fallbackReason != null) {
            log.info("network watcher follows " + events.describe() + " again");
            fallbackReason = null;
        }
        publishStatus(events.describe());
        // Changes made while nothing listened show up here rather than being lost.
        compare();
    }

    private void eventSeen(NetworkChange hint) {
        if (stopped) {
            return;
        }
        log.debug("network event, to be confirmed: " + hint.kind() + " " + hint.detail());
        backoff = Duration.ofSeconds(1);
        if (pendingConfirm == null) {
            pendingConfirm = scheduler.schedule(this::confirm, collapseWindow);
        }
    }

    private void confirm() {
        pendingConfirm = null;
        if (!stopped) {
            compare();
        }
    }

    private void eventsEnded(String reason) {
        if (stopped || running == null) {
            return;
        }
        running = null;
        fallBack(reason);
    }

    private void fallBack(String reason) {
        if (!reason.equals(fallbackReason)) {
            log.warn("network watcher polls every " + pollInterval.toMillis() + " ms instead: " + reason
                    + "; it tries again after " + backoff.toSeconds() + " s, then less often");
            fallbackReason = reason;
        }
        publishStatus("polling every " + pollInterval.toMillis() + " ms (" + reason + ")");
        cancel(nextPoll);
        nextPoll = scheduler.schedule(this::poll, pollInterval);
        nextRestart = scheduler.schedule(this::startEvents, backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private void poll() {
        if (stopped || running != null) {
            return;
        }
        compare();
        nextPoll = scheduler.schedule(this::poll, pollInterval);
    }

    private void compare() {
        NetworkSnapshot now = take();
        if (now == null) {
            return;
        }
        List<NetworkChange> changes = SnapshotDiff.between(last, now, clock.instant());
        last = now;
        if (changes.isEmpty()) {
            publishStatus(status.source());
            return;
        }
        lastChanges = ChangeCollapser.collapse(changes, clock.instant());
        publishStatus(status.source());
        for (NetworkChange c : lastChanges) {
            log.info("network change: " + c.kind() + " " + c.detail());
            deliver.accept(c);
        }
    }

    private NetworkSnapshot take() {
        try {
            NetworkSnapshot s = snapshots.take();
            snapshotProblem = null;
            return s;
        } catch (IOException | RuntimeException e) {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(snapshotProblem)) {
                log.warn("network watcher cannot read the interfaces and routes: " + problem);
                snapshotProblem = problem;
            }
            return null;
        }
    }

    private void publishStatus(String source) {
        status = new NetworkStatus(last, lastChanges, source);
    }

    private static void cancel(Scheduler.Scheduled s) {
        if (s != null) {
            s.cancel();
        }
    }
}
