package io.homeward.api.peers;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One of the user's other hosts.
 *
 * @param hostName the host label in the user's zone
 * @param ula      its inner address
 * @param endpoint its current outer address and port, empty when it published none
 * @param changed  when the endpoint last changed
 * @param source   how we learned it: {@code dns-push}, {@code llq-tls}, {@code llq-udp}, {@code poll}, {@code esp}
 */
public record Peer(String hostName, Inet6Address ula, Optional<InetSocketAddress> endpoint, Instant changed,
        String source) {
}
