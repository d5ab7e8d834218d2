package io.homeward.console.internal.overview;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.config.ConfigurationProblems;
import io.homeward.api.config.RefusedValue;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpoints;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.api.registration.RecordRegistrar;
import io.homeward.api.registration.Registration;
import io.homeward.kit.text.Ipv6Text;

/**
 * What the overview shows, read once per request from the status contracts so the page, its live part and its JSON
 * agree; every service may be missing.
 *
 * @param now            when it was read
 * @param host           this host's name and ULA, empty without a host identity
 * @param signedIn       the user and zone this host signs in as, empty when not signed in
 * @param endpoint       where peers reach this host and how that was learned
 * @param registration   what the registrar has published, empty when nothing is
 * @param certificate    this host's certificate from enrollment
 * @param machines       the user's other hosts, by name
 * @param consoleAddress the address the console listens on ({@code 0.0.0.0} for all)
 * @param consoleHttpsProblem why the console could not serve HTTPS on the address it was asked to, when it fell back
 *                       to loopback for that (the launcher says so)
 * @param keying         whether a key exchange reports tunnel states
 * @param refused        configuration values kept from their components because their metatype refuses them
 */
public record OverviewFacts(Instant now, Optional<Host> host, Optional<SignedIn> signedIn, Optional<PublicEndpoint> endpoint,
        Optional<Registration> registration, Optional<Certificate> certificate, List<Machine> machines,
        String consoleAddress, Optional<String> consoleHttpsProblem, boolean keying, List<RefusedValue> refused) {

    public OverviewFacts {
        machines = List.copyOf(machines);
        refused = List.copyOf(refused);
    }

    record Host(String name, String ula) {
    }

    record SignedIn(String user, String zone) {
    }

    record Certificate(Instant notAfter, boolean revoked) {
    }

    /**
     * One of the user's other hosts.
     *
     * @param name       its host label, empty when only the key exchange knows it and not by name
     *
     * @param endpoint   where it published that it is reached, empty when it published none
     * @param learnedVia how this host heard of it (dns-push, llq-tls, …), empty when only the key exchange knows it
     * @param changed    when its endpoint last changed, empty when only the key exchange knows it
     * @param tunnel     the key exchange's state with it, empty without one
     */
    public record Machine(String name, String ula, Optional<InetSocketAddress> endpoint, Optional<String> learnedVia,
            Optional<Instant> changed, Optional<KeyingStatus> tunnel) {
        /** Listed in the user's zone with an endpoint: its records are published and fresh. */
        public boolean online() {
            return endpoint.isPresent();
        }
    }

    /** The services the overview reads; any may be null. */
    record Services(HostIdentity identity, Credentials credentials, RevokedCertificates revoked,
            PublicEndpoints endpoints, RecordRegistrar registrar, PeerDirectory peers, TunnelKeying keying,
            ConfigurationProblems configuration) {
    }

    static OverviewFacts read(Services s, Instant now, String consoleAddress, Optional<String> consoleHttpsProblem) {
        Optional<Certificate> certificate = Optional.ofNullable(s.credentials())
                .flatMap(c -> c.certificateChain().stream().findFirst())
                .map(leaf -> new Certificate(leaf.getNotAfter().toInstant(), revoked(s.revoked(), leaf)));
        return new OverviewFacts(now,
                Optional.ofNullable(s.identity()).map(i -> new Host(i.hostName(), i.ulaText())),
                Optional.ofNullable(s.credentials()).map(c -> new SignedIn(c.userName(), c.zone())),
                s.endpoints() == null ? Optional.empty() : s.endpoints().current(),
                s.registrar() == null ? Optional.empty() : s.registrar().current(),
                certificate, machines(s.peers(), s.keying()), consoleAddress, consoleHttpsProblem,
                s.keying() != null, s.configuration() == null ? List.of() : s.configuration().refused());
    }

    private static boolean revoked(RevokedCertificates revoked, X509Certificate leaf) {
        return revoked != null && revoked.isRevoked(leaf);
    }

    /** The directory's hosts with their tunnel state and the hosts only the key exchange knows, by name, unnamed last. */
    public static List<Machine> machines(PeerDirectory directory, TunnelKeying keying) {
        Map<String, KeyingStatus> tunnels = new LinkedHashMap<>();
        if (keying != null) {
            keying.status().forEach(status -> tunnels.put(Ipv6Text.format(status.peer()), status));
        }
        List<Machine> machines = new ArrayList<>();
        for (Peer peer : directory == null ? List.<Peer>of() : directory.peers()) {
            String ula = Ipv6Text.format(peer.ula());
            machines.add(new Machine(peer.hostName(), ula, peer.endpoint(), Optional.of(peer.source()),
                    Optional.of(peer.changed()), Optional.ofNullable(tunnels.remove(ula))));
        }
        tunnels.forEach((ula, status) -> machines.add(new Machine(status.host(), ula,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(status))));
        machines.sort(Comparator.comparing((Machine m) -> m.name().isEmpty()).thenComparing(Machine::name)
                .thenComparing(Machine::ula));
        return machines;
    }
}
