package io.homeward.registrar.internal;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.registration.HostRecordSet;

/**
 * Works out the record set the host should publish now, or why it cannot yet. The public endpoint is, in
 * order: the gateway's mapping of the tunnel port; the address an operator set; what a STUN server saw of the
 * tunnel port (a NAT that maps nothing, or no NAT at all); this host's own address and the tunnel port (seed §3).
 */
final class DesiredRecords {
    /** The set, or empty with the reason in {@code explanation}; {@code explanation} names the endpoint's source otherwise. */
    record Outcome(Optional<HostRecordSet> set, String explanation) {
    }

    static final String VERSION = "0.1";

    private final int tunnelPort;
    private final Optional<Inet4Address> configuredAddress;
    private final LocalIpv4 local;
    private final String os;

    DesiredRecords(int tunnelPort, Optional<Inet4Address> configuredAddress, LocalIpv4 local, String os) {
        this.tunnelPort = tunnelPort;
        this.configuredAddress = configuredAddress;
        this.local = local;
        this.os = os;
    }

    Outcome of(Credentials credentials, HostIdentity identity, PortMapping mapping, Optional<InetSocketAddress> reflexive) {
        if (credentials == null) {
            return new Outcome(Optional.empty(), "not signed in: nothing is published");
        }
        if (identity == null) {
            return new Outcome(Optional.empty(), "waiting for the host identity (bundle io.homeward.identity)");
        }
        Inet4Address address;
        int port = tunnelPort;
        String source;
        if (mapping != null && mapping.externalAddress() instanceof Inet4Address mapped) {
            address = mapped;
            port = mapping.externalPort();
            source = "UDP " + tunnelPort + " mapped by " + mapping.mapper();
        } else if (configuredAddress.isPresent()) {
            address = configuredAddress.get();
            source = "configured publicAddress, no port mapping";
        } else if (reflexive.isPresent() && reflexive.get().getAddress() instanceof Inet4Address seen) {
            address = seen;
            port = reflexive.get().getPort();
            source = "UDP " + tunnelPort + " as a STUN server sees it, no port mapping";
        } else {
            Optional<Inet4Address> own = local.primary();
            if (own.isEmpty()) {
                return new Outcome(Optional.empty(), "waiting for an IPv4 address or a port mapping");
            }
            address = own.get();
            source = "this host's own address, no port mapping";
        }
        Map<String, String> info = Map.of("host", identity.hostName(), "os", os, "homeward", VERSION);
        return new Outcome(Optional.of(new HostRecordSet(credentials.zone(), identity.hostName(), identity.eui64(),
                identity.ula(), address, port, info)), source);
    }
}
