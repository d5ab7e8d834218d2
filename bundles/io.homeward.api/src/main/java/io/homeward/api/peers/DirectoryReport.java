package io.homeward.api.peers;

import java.util.List;
import java.util.Optional;

/**
 * What the directory shows an operator.
 *
 * @param state    what it is doing or waiting for, for example {@code not signed in}
 * @param selfName this host's name, left out of the list; empty while the host identity is unknown
 * @param peers    the current peers by host name
 * @since 1.1
 */
public record DirectoryReport(String state, Optional<String> selfName, List<Peer> peers) {
    public DirectoryReport {
        peers = List.copyOf(peers);
    }
}
