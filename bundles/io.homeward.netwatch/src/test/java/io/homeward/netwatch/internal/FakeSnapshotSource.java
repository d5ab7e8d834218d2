package io.homeward.netwatch.internal;

import java.io.IOException;

/** Hands out whatever snapshot the test set last, or fails as told. */
final class FakeSnapshotSource implements SnapshotSource {
    private volatile NetworkSnapshot current;
    private volatile IOException failure;
    int takes;

    FakeSnapshotSource(NetworkSnapshot initial) {
        current = initial;
    }

    void set(NetworkSnapshot next) {
        current = next;
    }

    void failWith(IOException e) {
        failure = e;
    }

    @Override
    public NetworkSnapshot take() throws IOException {
        takes++;
        if (failure != null) {
            throw failure;
        }
        return current;
    }
}
