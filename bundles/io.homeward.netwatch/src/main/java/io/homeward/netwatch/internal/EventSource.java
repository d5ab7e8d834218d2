package io.homeward.netwatch.internal;

import java.io.IOException;
import java.util.function.Consumer;

import io.homeward.api.netwatch.NetworkChange;

/** Something that reports network changes as the kernel announces them, until it ends or is stopped. */
interface EventSource {

    /** A started source. */
    interface Running {
        /** Stops it and waits a bounded time for its threads and processes to go. */
        void stop();
    }

    /**
     * Starts reporting; {@code changes} and {@code ended} (with the reason) are called from the source's own
     * thread, {@code ended} at most once and never after {@link Running#stop()} returned.
     *
     * @throws IOException when the source cannot start at all, for example because its program is missing
     */
    Running start(Consumer<NetworkChange> changes, Consumer<String> ended) throws IOException;

    /** What an operator reads in the status, for example {@code ip -o monitor link address route}. */
    String describe();
}
