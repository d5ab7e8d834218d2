package io.homeward.netwatch.internal;

import java.io.IOException;
import java.util.function.Consumer;

import io.homeward.api.netwatch.NetworkChange;

/** The event source when the operator left the ip command empty: it never starts, so the watcher polls. */
final class NoEventSource implements EventSource {
    @Override
    public Running start(Consumer<NetworkChange> changes, Consumer<String> ended) throws IOException {
        throw new IOException("no ip command is configured (ipCommand is empty)");
    }

    @Override
    public String describe() {
        return "no event source";
    }
}
