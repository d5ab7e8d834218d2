package io.homeward.watcher.internal;

import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

/** The real scheduler: one thread of the component's scheduled executor; a failing task is logged, never fatal. */
final class ExecutorScheduler implements Scheduler {
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Logger log;

    /** One logic thread whose pending timers are dropped, not awaited, when it shuts down. */
    static ScheduledExecutorService logicThread(ThreadFactory threads) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    ExecutorScheduler(ScheduledExecutorService executor, Clock clock, Logger log) {
        this.executor = executor;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public long nowMillis() {
        return clock.millis();
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("The watcher is stopping; dropped a late task");
        }
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delayMillis),
                    TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            log.debug("The watcher is stopping; dropped a late timer");
            return () -> { };
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("A record watcher task failed; the watcher keeps running", e);
            }
        };
    }
}
