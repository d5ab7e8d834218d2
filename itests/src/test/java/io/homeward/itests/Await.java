package io.homeward.itests;

import java.util.function.Supplier;

/** Bounded waiting for something asynchronous (DS reactivation, service ranking changes). */
final class Await {
    private Await() {
    }

    static <T> T until(String what, Supplier<T> value, java.util.function.Predicate<T> done) throws InterruptedException {
        return until(what, 10, value, done);
    }

    /** As {@link #until(String, Supplier, java.util.function.Predicate)}, for what takes up to {@code seconds}. */
    static <T> T until(String what, int seconds, Supplier<T> value, java.util.function.Predicate<T> done)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        T last = value.get();
        while (!done.test(last)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + " did not happen within " + seconds + " s; last seen: " + last);
            }
            Thread.sleep(20);
            last = value.get();
        }
        return last;
    }
}
