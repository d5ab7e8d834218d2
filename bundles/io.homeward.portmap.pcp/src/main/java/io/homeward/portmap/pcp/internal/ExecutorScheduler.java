package io.homeward.portmap.pcp.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

/** The real scheduler: one thread; a failing task is logged, never fatal; nothing runs after shutdown. */
final class ExecutorScheduler implements Scheduler {
    private final ScheduledExecutorService executor;
    private final Logger log;

    ExecutorScheduler(ScheduledExecutorService executor, Logger log) {
        this.executor = executor;
        this.log = log;
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("The mapper is stopping; a task was dropped");
        }
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
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
                log.error("A PCP/NAT-PMP mapper task failed; the mapper keeps running", e);
            }
        };
    }
}
