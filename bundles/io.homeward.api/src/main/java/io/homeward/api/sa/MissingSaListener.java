package io.homeward.api.sa;

import java.net.Inet6Address;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when this host sends to an address that has no SA pair: the first packet of a conversation with a peer not
 * keyed yet (on-demand keying, docs/architecture.md). While a listener is registered the database holds such packets,
 * a bounded number per address for a bounded time, and sends them through the first pair installed for the address;
 * without one they are dropped as before.
 *
 * @since 1.5
 */
@ConsumerType
@FunctionalInterface
public interface MissingSaListener {

    /**
     * A packet to the address found no pair and is held; called once when the address's held packets go from none to
     * some, on the packet path: hand the work to another thread and return at once.
     */
    void noSa(Inet6Address destination);
}
