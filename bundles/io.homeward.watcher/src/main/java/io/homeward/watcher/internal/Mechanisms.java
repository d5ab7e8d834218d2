package io.homeward.watcher.internal;

import java.util.List;
import java.util.Optional;

import io.homeward.api.watch.WatchMechanism;

/** The mechanisms a client can watch with, in the default order of preference. */
final class Mechanisms {
    static final List<WatchMechanism> ALL = List.of(WatchMechanism.DNS_PUSH, WatchMechanism.LLQ_TLS,
            WatchMechanism.LLQ_UDP, WatchMechanism.POLL);

    private Mechanisms() {
    }

    /** The mechanism of this configured name ({@code dns-push}, ...), if a client can watch with it. */
    static Optional<WatchMechanism> named(String text) {
        return ALL.stream().filter(m -> m.text().equals(text)).findFirst();
    }

    static boolean usesUdp(WatchMechanism mechanism) {
        return mechanism == WatchMechanism.LLQ_UDP || mechanism == WatchMechanism.POLL;
    }
}
