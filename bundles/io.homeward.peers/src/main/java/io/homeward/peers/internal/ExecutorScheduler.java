package io.homeward.peers.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

/** {@link Scheduler} on one daemon thread the component owns; a failing task is logged and the thread goes on. */
final class ExecutorScheduler implements Scheduler {
    private final ScheduledThreadPoolExecutor executor;
    private final Logger log;

    ExecutorScheduler(String threadName, Logger log) {
        this.log = log;
        this.executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Work handed in after shutdown (a late record event) is dropped: the directory has stopped. */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException stopped) {
            return;
        }
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(guarded(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            return;
        }
    }

    @Override
    public boolean shutdown(Duration wait) throws InterruptedException {
        executor.shutdown();
        return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("The peer directory failed to handle a change; it goes on with the next one", e);
            }
        };
    }
}
