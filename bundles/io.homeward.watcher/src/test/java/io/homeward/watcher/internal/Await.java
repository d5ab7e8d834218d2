package io.homeward.watcher.internal;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits, bounded, for something a network test expects. */
final class Await {
    static final long LIMIT_MILLIS = 15_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(() -> what, condition);
    }

    static void until(Supplier<String> what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(20);
        }
    }
}
