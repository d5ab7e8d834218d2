package io.homeward.netwatch.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

/** An event source the test drives: it prints lines, dies, or refuses to start. */
final class FakeEventSource implements EventSource {
    private Consumer<NetworkChange> changes;
    private Consumer<String> ended;
    private IOException startFailure;
    int starts;
    int stops;

    void failToStartWith(IOException failure) {
        startFailure = failure;
    }

    void emit(Kind kind) {
        changes.accept(new NetworkChange(kind, Optional.of("eth0"), "hint", Instant.EPOCH));
    }

    void die(String reason) {
        ended.accept(reason);
    }

    @Override
    public Running start(Consumer<NetworkChange> changes, Consumer<String> ended) throws IOException {
        if (startFailure != null) {
            throw startFailure;
        }
        this.changes = changes;
        this.ended = ended;
        starts++;
        return () -> stops++;
    }

    @Override
    public String describe() {
        return "fake monitor";
    }
}
