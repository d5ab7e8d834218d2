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

class ExecutorSchedulerTest {

    @Test
    void runsTasksInOrderOnItsOwnThreadAndHonoursCancel() throws Exception {
        ExecutorScheduler scheduler = new ExecutorScheduler("kit-test");
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Scheduler.Scheduled cancelled = scheduler.schedule(() -> ran.add("cancelled"), Duration.ofMillis(50));
        scheduler.execute(() -> ran.add(Thread.currentThread().getName()));
        scheduler.schedule(done::countDown, Duration.ofMillis(100));
        cancelled.cancel();
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
        Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("error")) {
                        errors.add(args[0] + " " + args[1] + " " + args[2]);
                    }
                    return null;
                });
        ExecutorScheduler scheduler = new ExecutorScheduler("kit-test", log);
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
}
