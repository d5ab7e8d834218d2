package io.homeward.portmap.internal;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.endpoint.PublicEndpointListener;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.schedule.Scheduler;

/**
 * Decides this host's public endpoint, best source first (docs/architecture.md, "Where peers reach a host"): the
 * gateway's mapping of the tunnel port; the address an operator configured; what a STUN server (RFC 8489) saw of
 * the tunnel port; this host's own primary IPv4 address and the tunnel port. Peers reach the tunnel over IPv4, so
 * only IPv4 answers count. Every input arrives through the scheduler's one thread, where the listeners are told;
 * {@link #current()} is a published snapshot.
 */
final class EndpointSelector {
    private final int tunnelPort;
    private final PublicAddressSetting configured;
    private final LocalIpv4 local;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Logger log;
    private final List<PublicEndpointListener> listeners = new CopyOnWriteArrayList<>();

    private PortMapping mapping;
    private Optional<InetSocketAddress> reflexive = Optional.empty();
    /** This host's own address when the STUN server last answered: only if it differs may silence drop the answer. */
    private Optional<Inet4Address> ownAtAnswer = Optional.empty();
    private Scheduler.Scheduled mappingEnds;
    private volatile Optional<PublicEndpoint> current = Optional.empty();

    /**
     * @param tunnelPort the local UDP port of the tunnel; mappings of other ports are not the tunnel's
     * @param configured the public address an operator set, if any; while it is wrong there is no endpoint
     */
    EndpointSelector(int tunnelPort, PublicAddressSetting configured, LocalIpv4 local, Clock clock,
            Scheduler scheduler, Logger log) {
        this.tunnelPort = tunnelPort;
        this.configured = configured;
        this.local = local;
        this.clock = clock;
        this.scheduler = scheduler;
        this.log = log;
        scheduler.execute(this::decide);
    }

    Optional<PublicEndpoint> current() {
        return current;
    }

    /** Tells the listener the current endpoint at once, in order with the changes after it. */
    void add(PublicEndpointListener listener) {
        scheduler.execute(() -> {
            listeners.add(listener);
            tell(listener, Optional.empty(), current);
        });
    }

    void remove(PublicEndpointListener listener) {
        listeners.remove(listener);
    }

    /** The mapping chooser's mapping of the tunnel port: held, renewed, changed or lost. */
    void mappingChanged(PortMappingEvent event) {
        scheduler.execute(() -> {
            PortMapping m = event.mapping();
            if (m.transport() != TransportProtocol.UDP || m.internalPort() != tunnelPort) {
                return;
            }
            mapping = event.kind() == PortMappingEvent.Kind.LOST ? null : m;
            if (mappingEnds != null) {
                mappingEnds.cancel();
                mappingEnds = null;
            }
            if (mapping != null && !mapping.expiresAt().equals(Instant.MAX)) {
                // A mapping that runs out without news from the chooser is no endpoint any more.
                mappingEnds = scheduler.schedule(this::decide, Duration.between(clock.instant(), mapping.expiresAt()));
            }
            decide();
        });
    }

    /**
     * What the STUN server saw of the tunnel port, or empty when it stopped answering. Its silence alone keeps the last
     * answer: the NAT's mapping outlives a STUN server that restarts or cannot be reached, and falling back to this
     * host's private address would send its peers there. Once the host's own address is not the one it had at the
     * answer (it moved to another network), silence drops it; other network events (an interface of a tunnel or a
     * container coming and going) do not.
     */
    void reflexiveChanged(Optional<InetSocketAddress> seen) {
        scheduler.execute(() -> {
            Optional<Inet4Address> own = local.primary();
            if (seen.isPresent() || !own.equals(ownAtAnswer)) {
                reflexive = seen;
                ownAtAnswer = own;
            }
            decide();
        });
    }

    /** The host's network changed: its own address may have, and so may what the STUN server sees. */
    void networkChanged() {
        scheduler.execute(this::decide);
    }

    private void decide() {
        Optional<PublicEndpoint> now = best();
        if (now.equals(current)) {
            return;
        }
        Optional<PublicEndpoint> previous = current;
        current = now;
        log.info("This host's public endpoint: " + now.map(e -> Endpoints.text(e.address()) + " (" + e.source() + ")")
                .orElse(configured.problem().map(p -> "none until the configuration is fixed: " + p)
                        .orElse("unknown, waiting for an IPv4 address or a port mapping")));
        for (PublicEndpointListener listener : listeners) {
            tell(listener, previous, now);
        }
    }

    private Optional<PublicEndpoint> best() {
        if (configured.problem().isPresent()) {
            return Optional.empty();
        }
        if (mapping != null && mapping.externalAddress() instanceof Inet4Address mapped
                && mapping.expiresAt().isAfter(clock.instant())) {
            return endpoint(mapped, mapping.externalPort(), EndpointSource.MAPPING);
        }
        if (configured.address().isPresent()) {
            return endpoint(configured.address().get(), tunnelPort, EndpointSource.CONFIGURED);
        }
        if (reflexive.isPresent() && reflexive.get().getAddress() instanceof Inet4Address seen) {
            return endpoint(seen, reflexive.get().getPort(), EndpointSource.STUN);
        }
        return local.primary().flatMap(own -> endpoint(own, tunnelPort, EndpointSource.LOCAL));
    }

    private static Optional<PublicEndpoint> endpoint(Inet4Address address, int port, EndpointSource source) {
        return Optional.of(new PublicEndpoint(new InetSocketAddress(address, port), source));
    }

    private void tell(PublicEndpointListener listener, Optional<PublicEndpoint> previous,
            Optional<PublicEndpoint> now) {
        try {
            listener.publicEndpointChanged(previous, now);
        } catch (RuntimeException e) {
            log.warn("a public endpoint listener failed: " + e);
        }
    }
}
