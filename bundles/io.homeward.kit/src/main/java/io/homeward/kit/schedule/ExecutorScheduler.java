package io.homeward.kit.schedule;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link Scheduler} on one daemon thread the component owns. Work handed in after shutdown (a late
 * event while the component stops) is dropped: there is nothing left for it to do.
 */
public final class ExecutorScheduler implements Scheduler {
    private final ScheduledThreadPoolExecutor executor;

    public ExecutorScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopped) {
            return;
        }
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException stopped) {
            return () -> { };
        }
    }

    /** Lets queued work finish, then stops the thread; false when it did not stop within {@code wait}. */
    public boolean shutdown(Duration wait) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
