package io.homeward.tun.linux.internal;

import java.io.IOException;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;

/** Hands out pipe-backed channels instead of a TUN file; the test side of each pipe is kept for inspection. */
final class FakeOpener implements TunOpener {
    final List<String> opened = new ArrayList<>();
    final List<TunChannels> channels = new ArrayList<>();
    IOException failure;

    @Override
    public TunChannels open(String name) throws IOException {
        if (failure != null) {
            throw failure;
        }
        opened.add(name);
        TunChannels pair = new TunChannels(Pipe.open().source(), Pipe.open().sink());
        channels.add(pair);
        return pair;
    }

    boolean allClosed() {
        return channels.stream().noneMatch(c -> c.in().isOpen() || c.out().isOpen());
    }
}
