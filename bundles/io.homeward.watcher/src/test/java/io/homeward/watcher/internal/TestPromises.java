package io.homeward.watcher.internal;

import org.osgi.util.promise.PromiseFactory;

/** Promises that run their callbacks at once on the resolving thread, as the test's logic thread. */
public final class TestPromises {
    public static final PromiseFactory INLINE = new PromiseFactory(PromiseFactory.inlineExecutor());

    private TestPromises() {
    }
}
