package io.homeward.registrar.internal;

import java.net.Inet4Address;
import java.util.Map;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.registration.HostRecordSet;

/**
 * Works out the record set the host should publish now, or why it cannot yet: the signed-in zone, the host
 * identity and the public endpoint of the tunnel port (docs/architecture.md, "Where peers reach a host").
 */
final class DesiredRecords {
    /** The set, or empty with the reason in {@code explanation}; {@code explanation} names the endpoint's source otherwise. */
    record Outcome(Optional<HostRecordSet> set, String explanation) {
    }

    static final String VERSION = "0.1";

    private final String os;

    DesiredRecords(String os) {
        this.os = os;
    }

    Outcome of(Credentials credentials, HostIdentity identity, Optional<PublicEndpoint> endpoint) {
        if (credentials == null) {
            return new Outcome(Optional.empty(), "not signed in: nothing is published");
        }
        if (identity == null) {
            return new Outcome(Optional.empty(), "waiting for the host identity (bundle io.homeward.identity)");
        }
        if (endpoint.isEmpty() || !(endpoint.get().address().getAddress() instanceof Inet4Address address)) {
            return new Outcome(Optional.empty(), "waiting for an IPv4 address or a port mapping");
        }
        // A host key writes its own host's names only: until the rendezvous renamed the host (and the sign-in has
        // the key for the new name), the records keep the name the key is for.
        Optional<String> keyHost = KeyHost.of(credentials);
        String host = keyHost.orElse(identity.hostName());
        Map<String, String> info = Map.of("host", host, "os", os, "homeward", VERSION);
        String source = source(endpoint.get());
        if (!host.equalsIgnoreCase(identity.hostName())) {
            source += "; published as " + host + ", the name this host's key is for, until the rendezvous renames it"
                    + " to " + identity.hostName();
        }
        return new Outcome(Optional.of(new HostRecordSet(credentials.zone(), host, identity.eui64(),
                identity.ula(), address, endpoint.get().address().getPort(), info)), source);
    }

    private static String source(PublicEndpoint endpoint) {
        return switch (endpoint.source()) {
            case MAPPING -> "the tunnel port as the gateway maps it";
            case CONFIGURED -> "configured publicAddress, no port mapping";
            case STUN -> "the tunnel port as a STUN server sees it, no port mapping";
            case LOCAL -> "this host's own address, no port mapping";
        };
    }
}
