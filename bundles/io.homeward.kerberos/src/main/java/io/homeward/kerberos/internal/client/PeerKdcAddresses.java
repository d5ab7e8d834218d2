package io.homeward.kerberos.internal.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;

/**
 * The KDC of one of the user's other hosts is at that host's ULA, as the peer directory lists it (the address the
 * tunnel carries; the registrar's {@code _kerberos._tcp} SRV record names the same host). A host is named by its
 * fully qualified name, {@code <label>.<zone>}; the directory lists it by its label.
 */
final class PeerKdcAddresses implements KdcAddresses {
    private final PeerDirectory directory;
    private final Supplier<Optional<String>> zone;

    /** @param zone the user's zone while signed in, with or without the final dot */
    PeerKdcAddresses(PeerDirectory directory, Supplier<Optional<String>> zone) {
        this.directory = directory;
        this.zone = zone;
    }

    @Override
    public InetAddress kdcOf(String host) throws UnknownHostException {
        String userZone = zone.get().map(PeerKdcAddresses::withoutDot)
                .orElseThrow(() -> new UnknownHostException("not signed in: the user's hosts are unknown"));
        String name = withoutDot(host);
        String suffix = "." + userZone;
        if (!name.endsWith(suffix) || name.length() == suffix.length()) {
            throw new UnknownHostException(host + " is not a host of " + userZone);
        }
        String label = name.substring(0, name.length() - suffix.length());
        return directory.peers().stream().filter(peer -> peer.hostName().equalsIgnoreCase(label)).findFirst()
                .map(Peer::ula).orElseThrow(() -> new UnknownHostException(
                        "the peer directory does not list " + name + " (yet)"));
    }

    private static String withoutDot(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
