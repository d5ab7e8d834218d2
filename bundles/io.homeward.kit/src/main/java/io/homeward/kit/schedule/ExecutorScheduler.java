package io.homeward.kit.schedule;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

/**
 * {@link Scheduler} on one daemon thread the component owns. Work handed in after shutdown (a late
 * event while the component stops) is dropped: there is nothing left for it to do. Made with a
 * {@link Logger}, a task that throws is logged and the thread goes on with the next one, and dropped
 * work is noted at debug level. So is a promise callback that throws on this thread: OSGi promises hand
 * it to the thread's uncaught-exception handler (OSGi Compendium §705), which would only print it.
 */
public final class ExecutorScheduler implements Scheduler {
    private final ScheduledThreadPoolExecutor executor;
    private final String threadName;
    private final Logger log;

    /** A thread whose failing tasks end silently. */
    public ExecutorScheduler(String threadName) {
        this(threadName, null);
    }

    /** A thread that logs every task that throws to {@code log}, and goes on. */
    public ExecutorScheduler(String threadName, Logger log) {
        this.threadName = threadName;
        this.log = log;
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            if (log != null) {
                t.setUncaughtExceptionHandler((thread, e) -> failed(e));
            }
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException stopped) {
            dropped();
        }
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException stopped) {
            dropped();
            return () -> { };
        }
    }

    /** Lets queued work finish, then stops the thread; false when it did not stop within {@code wait}. */
    public boolean shutdown(Duration wait) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops queued work and interrupts the running task: for a thread that did not stop in time. */
    public void stopNow() {
        executor.shutdownNow();
    }

    private Runnable guarded(Runnable task) {
        if (log == null) {
            return task;
        }
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        };
    }

    private void failed(Throwable e) {
        log.error("A task on the {} thread failed; the thread goes on with the next one", threadName, e);
    }

    private void dropped() {
        if (log != null) {
            log.debug("The {} thread has stopped; dropped a late task", threadName);
        }
    }
}
