package io.homeward.registrar.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

/** Runs everything on one scheduled thread; a failing task is logged and never kills the thread. */
final class ExecutorScheduler implements Scheduler {
    private final ScheduledExecutorService thread;
    private final Logger log;

    ExecutorScheduler(ScheduledExecutorService thread, Logger log) {
        this.thread = thread;
        this.log = log;
    }

    /** After a stop, DS still unbinds references; those late events have nothing left to do. */
    @Override
    public void execute(Runnable task) {
        try {
            thread.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("The registrar has stopped; ignoring a late event");
        }
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = thread.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("The registrar hit an unexpected error; it keeps running", e);
            }
        };
    }
}
