package io.homeward.resolver.internal;

import java.net.Inet6Address;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;

import io.homeward.api.identity.Eui64;
import io.homeward.api.peers.Peer;

/**
 * The names of the user's zone this host answers itself: for every host of the peer directory, and this host,
 * {@code <host>.<zone>} and {@code AutoTunnel-<EUI-64>.<zone>}, both with the host's ULA as their AAAA
 * (docs/architecture.md, "Records a host publishes": the ULA's interface identifier is the EUI-64).
 * Immutable; names compare case-insensitively (RFC 4343).
 */
final class ZoneView {
    /**
     * A name the directory holds.
     *
     * @param ula      its AAAA
     * @param hostName true for {@code <host>.<zone>}, which holds nothing but the AAAA; false for the
     *                 {@code AutoTunnel-} name, which also holds the host's public A and device TXT
     */
    record Held(Inet6Address ula, boolean hostName) {
    }

    private final Name zone;
    private final Map<Name, Held> addresses;

    private ZoneView(Name zone, Map<Name, Held> addresses) {
        this.zone = zone;
        this.addresses = Map.copyOf(addresses);
    }

    /** @param zone the user's zone, absolute */
    static ZoneView of(Name origin, String selfName, Inet6Address selfUla, List<Peer> peers) {
        Map<Name, Held> addresses = new HashMap<>();
        for (Peer peer : peers) {
            add(addresses, origin, peer.hostName(), peer.ula());
        }
        add(addresses, origin, selfName, selfUla);
        return new ZoneView(origin, addresses);
    }

    Name zone() {
        return zone;
    }

    /** True for the zone's apex and every name below it. */
    boolean contains(Name name) {
        return name.subdomain(zone);
    }

    /** A name the directory holds. */
    Optional<Held> held(Name name) {
        return Optional.ofNullable(addresses.get(name));
    }

    int size() {
        return addresses.size();
    }

    private static void add(Map<Name, Held> addresses, Name zone, String host, Inet6Address ula) {
        String tunnelLabel = Eui64.of(Arrays.copyOfRange(ula.getAddress(), 8, 16)).autoTunnelLabel();
        name(zone, host).ifPresent(name -> addresses.put(name, new Held(ula, true)));
        name(zone, tunnelLabel).ifPresent(name -> addresses.put(name, new Held(ula, false)));
    }

    /** Empty for a label no name of the zone can have: nothing is answered for it. */
    private static Optional<Name> name(Name zone, String label) {
        try {
            return Optional.of(Name.concatenate(Name.fromString(label), zone));
        } catch (TextParseException | NameTooLongException e) {
            return Optional.empty();
        }
    }
}
