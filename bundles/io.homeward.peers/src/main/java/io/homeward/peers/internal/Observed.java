package io.homeward.peers.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What the records of one host say right now.
 *
 * @param ula      its inner address (the AAAA at {@code <host>.<zone>})
 * @param endpoint public address and port, when both the SRV and the target's A are known
 * @param source   the mechanism that brought the last change
 */
record Observed(Inet6Address ula, Optional<InetSocketAddress> endpoint, String source) {
}
