package io.homeward.api.netwatch;

import java.time.Instant;
import java.util.Optional;

/**
 * What changed in the host's network.
 *
 * @param kind        the kind of change
 * @param interfaceName the interface concerned, when there is one
 * @param detail      what an operator reads, for example {@code 192.168.1.10/24 added on eth0}
 * @param seen        when it was noticed
 */
public record NetworkChange(Kind kind, Optional<String> interfaceName, String detail, Instant seen) {

    /** The kinds of change, in the order a host usually sees them when it moves. */
    public enum Kind {
        LINK_UP,
        LINK_DOWN,
        ADDRESS_ADDED,
        ADDRESS_REMOVED,
        DEFAULT_ROUTE_CHANGED
    }
}
