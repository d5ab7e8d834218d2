package io.homeward.watcher.internal;

import org.osgi.util.promise.PromiseFactory;

/** Promises that run their callbacks at once on the resolving thread, as the test's logic thread. */
final class TestPromises {
    static final PromiseFactory INLINE = new PromiseFactory(PromiseFactory.inlineExecutor());

    private TestPromises() {
    }
}
