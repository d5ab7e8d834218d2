package io.homeward.kit.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;
import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.PromiseFactory;

class ExecutorSchedulerTest {

    @Test
    void runsTasksInOrderOnItsOwnThreadAndHonoursCancel() throws Exception {
        ExecutorScheduler scheduler = new ExecutorScheduler("kit-test");
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch cancelledYet = new CountDownLatch(1);
        // The scheduler's one thread waits until the cancel is done, so the task due at 50 ms cannot run first however
        // slowly this thread goes on.
        scheduler.execute(() -> {
            awaitQuietly(cancelledYet);
            ran.add(Thread.currentThread().getName());
        });
        Scheduler.Scheduled cancelled = scheduler.schedule(() -> ran.add("cancelled"), Duration.ofMillis(50));
        scheduler.schedule(done::countDown, Duration.ofMillis(100));
        cancelled.cancel();
        cancelledYet.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("kit-test"), ran);
        assertTrue(scheduler.shutdown(Duration.ofSeconds(5)));
    }

    @Test
    void workAfterShutdownIsDroppedNotThrown() throws Exception {
        ExecutorScheduler scheduler = new ExecutorScheduler("kit-test");
        assertTrue(scheduler.shutdown(Duration.ofSeconds(5)));
        List<String> ran = new CopyOnWriteArrayList<>();
        scheduler.execute(() -> ran.add("late"));
        scheduler.schedule(() -> ran.add("later"), Duration.ZERO).cancel();
        assertFalse(ran.contains("late"));
    }

    @Test
    void withALoggerAFailingTaskIsLoggedAndTheThreadGoesOn() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        ExecutorScheduler scheduler = new ExecutorScheduler("kit-test", recordingErrors(errors));
        CountDownLatch done = new CountDownLatch(1);
        scheduler.execute(() -> {
            throw new IllegalStateException("broken task");
        });
        scheduler.schedule(done::countDown, Duration.ZERO);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("kit-test") && errors.get(0).contains("broken task"), errors::toString);
        assertTrue(scheduler.shutdown(Duration.ofSeconds(5)));
    }

    /** A bundle whose imports do not resolve a class throws an Error, not an exception: it is logged too. */
    @Test
    void withALoggerAMissingClassInATaskIsLogged() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        ExecutorScheduler scheduler = new ExecutorScheduler("kit-test", recordingErrors(errors));
        CountDownLatch done = new CountDownLatch(1);
        scheduler.execute(() -> {
            throw new NoClassDefFoundError("io/homeward/Missing");
        });
        scheduler.schedule(done::countDown, Duration.ZERO);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("io/homeward/Missing"), errors::toString);
        assertTrue(scheduler.shutdown(Duration.ofSeconds(5)));
    }

    /**
     * OSGi promises hand a callback's failure to the thread's uncaught-exception handler, not to the task: here a
     * promise resolved on another thread (as an I/O thread does) whose callback runs on the scheduler's thread.
     */
    @Test
    void withALoggerAFailingPromiseCallbackIsLogged() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        ExecutorScheduler scheduler = new ExecutorScheduler("kit-test", recordingErrors(errors));
        Deferred<String> answer = new PromiseFactory(scheduler::execute).deferred();
        answer.getPromise().onSuccess(value -> {
            throw new IllegalStateException("callback broke on the " + value);
        });
        answer.resolve("answer");
        CountDownLatch done = new CountDownLatch(1);
        scheduler.schedule(done::countDown, Duration.ofMillis(50));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("kit-test") && errors.get(0).contains("callback broke on the answer"),
                errors::toString);
        assertTrue(scheduler.shutdown(Duration.ofSeconds(5)));
    }

    /** A logger that records each error's message, first argument and last argument. */
    private static Logger recordingErrors(List<String> errors) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("error")) {
                        errors.add(args[0] + " " + args[1] + " " + args[args.length - 1]);
                    }
                    return null;
                });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
