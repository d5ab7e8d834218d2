package io.homeward.kerberos.internal.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.homeward.api.peers.PeerDirectory;

/**
 * The sources the KDC answers: the tunnel's, that is this host's own ULA and the ULA of each of the user's other hosts
 * the peer directory lists now (docs/kerberos.md). Anything else — the LAN, the Internet, an IPv4 address — is refused,
 * even if it reached the ULA some other way. Asked on every datagram and connection, so a peer added or removed counts
 * at once.
 */
public final class TunnelSources implements Predicate<InetAddress> {
    private final Supplier<Inet6Address> ownUla;
    private final PeerDirectory peers;

    /** @param ownUla this host's ULA now ({@code HostIdentity::ula}) */
    public TunnelSources(Supplier<Inet6Address> ownUla, PeerDirectory peers) {
        this.ownUla = ownUla;
        this.peers = peers;
    }

    @Override
    public boolean test(InetAddress source) {
        if (!(source instanceof Inet6Address ula)) {
            return false;
        }
        return ula.equals(ownUla.get()) || peers.peer(ula).isPresent();
    }
}
