package io.homeward.portmap.pcp.internal.mapping;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingEvent.Kind;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.portmap.pcp.internal.net.GatewayNetwork;
import io.homeward.portmap.pcp.internal.net.RetrySchedule;
import io.homeward.portmap.pcp.internal.wire.PcpMessages;
import io.homeward.portmap.pcp.internal.wire.VersionMismatchException;

/**
 * Obtains mappings from the gateway, renews each at half its granted lifetime (RFC 6886 §3.3),
 * re-creates all of them at once when the gateway lost its state (epoch check or announcement)
 * and deletes them when released or stopped. Requests are serialised under this object's lock,
 * as RFC 6886 §3.7 asks after a gateway reboot.
 */
public final class MappingKeeper {
    private static final Duration MIN_RETRY = Duration.ofSeconds(2);

    private final GatewayNetwork network;
    private final int serverPort;
    private final ProtocolClient client;
    private final Runnable abortRequests;
    private final ProtocolClient stopClient;
    private final MapperSettings settings;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Random random;
    private final Consumer<PortMappingEvent> events;
    private final Logger log;

    private final Map<String, HeldMapping> held = new LinkedHashMap<>();
    private final EpochTracker epochs = new EpochTracker();
    private final AtomicBoolean remapPending = new AtomicBoolean();
    private final MappingRequests requests;
    private volatile boolean closed;
    private InetSocketAddress gateway;
    private MapperProtocol lastProtocol;
    private InetAddress externalAddress;
    private long lastEpoch;
    private String problem;

    public MappingKeeper(GatewayNetwork network, int serverPort, ProtocolClient client, Runnable abortRequests,
            ProtocolClient stopClient, MapperSettings settings, Scheduler scheduler, Clock clock, Random random,
            Consumer<PortMappingEvent> events, Logger log) {
        this.network = network;
        this.serverPort = serverPort;
        this.client = client;
        this.abortRequests = abortRequests;
        this.stopClient = stopClient;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.events = events;
        this.log = log;
        this.requests = new MappingRequests(settings, log);
    }

    /** Maps the port, or renews the mapping already held for it. */
    public PortMapping map(TransportProtocol transport, int internalPort, Duration requestedLifetime) throws PortMappingException {
        if (internalPort < 1 || internalPort > 65_535) {
            throw new PortMappingException("the internal port must be 1 to 65535, not " + internalPort);
        }
        long lifetime = requestedLifetime == null || requestedLifetime.isNegative() || requestedLifetime.isZero()
                ? settings.lifetime().toSeconds() : requestedLifetime.toSeconds();
        synchronized (this) {
            if (closed) {
                throw new PortMappingException("the PCP/NAT-PMP mapper is stopping");
            }
            String key = key(transport, internalPort);
            HeldMapping mapping = held.get(key);
            if (mapping == null) {
                byte[] nonce = new byte[PcpMessages.NONCE_LENGTH];
                random.nextBytes(nonce);
                mapping = new HeldMapping(transport, internalPort, nonce, lifetime);
            }
            mapping.lifetimeSeconds = lifetime;
            PortMapping granted = obtain(mapping, Kind.RENEWED);
            held.put(key, mapping);
            return granted;
        }
    }

    public synchronized void release(PortMapping mapping) throws PortMappingException {
        HeldMapping removed = held.remove(key(mapping.transport(), mapping.internalPort()));
        if (removed == null) {
            throw new PortMappingException("this mapper holds no mapping of " + mapping.transport() + " port "
                    + mapping.internalPort());
        }
        removed.timer.cancel();
        delete(removed, client, settings.requests());
    }

    /**
     * A gateway announcement arrived on port 5350 (RFC 6886 §3.2.1, RFC 6887 §14.1.3): re-map everything at
     * once. The RFCs' random 0-5 s delay spreads the load of many clients; a home gateway has few, and
     * the tunnel should be reachable again within seconds.
     */
    public void announcement(InetSocketAddress from, MapperProtocol protocol, long epoch, InetAddress announcedAddress) {
        synchronized (this) {
            if (gateway == null) {
                log.debug("Ignored a {} announcement from {}: no mapping was asked for yet", protocol, from.getAddress());
                return;
            }
            if (!gateway.getAddress().equals(from.getAddress())) {
                log.warn("Ignored a {} announcement from {}: only the gateway {} may announce", protocol, from.getAddress(),
                        gateway.getAddress());
                return;
            }
            boolean lost = epochs.stateLost(protocol, epoch, clock.instant());
            boolean moved = announcedAddress != null && externalAddress != null && !announcedAddress.equals(externalAddress);
            log.info("The gateway {} announced itself ({}, epoch {}{}{}); re-mapping {} mapping(s)", from.getAddress(),
                    protocol, epoch, lost ? ", it lost its mappings" : "",
                    moved ? ", new public address " + announcedAddress.getHostAddress() : "", held.size());
            if (announcedAddress != null && !announcedAddress.isAnyLocalAddress()) {
                externalAddress = announcedAddress;
            }
        }
        requestRemap(null);
    }

    public synchronized MapperStatus status() {
        List<PortMapping> mappings = new ArrayList<>();
        held.values().forEach(h -> mappings.add(h.current));
        return new MapperStatus(gateway == null ? null : gateway.getAddress(), lastProtocol, externalAddress, lastEpoch,
                mappings, problem);
    }

    /** The protocol that last worked, else the first enabled one. */
    public synchronized MapperProtocol protocol() {
        if (lastProtocol != null) {
            return lastProtocol;
        }
        return settings.enablePcp() || !settings.enableNatPmp() ? MapperProtocol.PCP : MapperProtocol.NAT_PMP;
    }

    /** Ends requests in flight, then deletes every held mapping on the gateway with short retries. */
    public void close() {
        closed = true;
        abortRequests.run();
        synchronized (this) {
            for (HeldMapping mapping : held.values()) {
                mapping.timer.cancel();
                try {
                    delete(mapping, stopClient, settings.shortRequests());
                } catch (PortMappingException e) {
                    log.warn("Could not delete the mapping of {} on the gateway ({}); it expires there at {}",
                            mapping.describe(), e.getMessage(), mapping.current.expiresAt());
                }
            }
            held.clear();
        }
    }

    private PortMapping obtain(HeldMapping mapping, Kind kindIfUnchanged) throws PortMappingException {
        try {
            InetSocketAddress target = currentGateway();
            InetAddress local = localAddress(target);
            Grant grant = requests.request(client, mapping, target, local, kindIfUnchanged == Kind.RENEWED);
            refuseUnreachable(grant, mapping, target);
            Instant now = clock.instant();
            if (epochs.stateLost(grant.protocol(), grant.epoch(), now) && held.size() > 1) {
                log.info("The gateway {} lost its mappings (epoch {}); re-mapping the others", target.getAddress(), grant.epoch());
                requestRemap(mapping);
            }
            PortMapping previous = mapping.current;
            PortMapping granted = new PortMapping(grant.protocol(), mapping.transport, mapping.internalPort,
                    grant.externalAddress(), grant.externalPort(), Duration.ofSeconds(grant.lifetime()), now);
            mapping.current = granted;
            mapping.protocol = grant.protocol();
            lastProtocol = grant.protocol();
            externalAddress = grant.externalAddress();
            lastEpoch = grant.epoch();
            problem = null;
            scheduleRefresh(mapping, Duration.ofSeconds(Math.max(MIN_RETRY.toSeconds(), grant.lifetime() / 2)), Kind.RENEWED);
            Kind kind = previous == null ? Kind.MAPPED : sameEndpoint(previous, granted) ? kindIfUnchanged : Kind.CHANGED;
            emit(kind, granted);
            return granted;
        } catch (PortMappingException e) {
            problem = e.getMessage();
            throw e;
        }
    }

    /** Renewal or re-creation on the timer thread; on failure retries at half the remaining time until it expires. */
    private void refresh(HeldMapping mapping, Kind kindIfUnchanged) {
        synchronized (this) {
            if (closed || held.get(key(mapping.transport, mapping.internalPort)) != mapping) {
                return;
            }
            try {
                obtain(mapping, kindIfUnchanged);
            } catch (PortMappingException e) {
                Instant now = clock.instant();
                Instant expiry = mapping.current.expiresAt();
                if (!now.isBefore(expiry)) {
                    held.remove(key(mapping.transport, mapping.internalPort));
                    log.warn("Lost the mapping of {} to {}:{}: {}", mapping.describe(),
                            mapping.current.externalAddress().getHostAddress(), mapping.current.externalPort(), e.getMessage());
                    emit(Kind.LOST, mapping.current);
                    return;
                }
                Duration retry = Duration.between(now, expiry).dividedBy(2);
                retry = retry.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : retry;
                log.warn("Could not renew the mapping of {} ({}); trying again in {} s", mapping.describe(), e.getMessage(),
                        retry.toSeconds());
                scheduleRefresh(mapping, retry, kindIfUnchanged);
            }
        }
    }

    /** Re-creates every held mapping but {@code alreadyDone} (null: all) on the timer thread, once per burst. */
    private void requestRemap(HeldMapping alreadyDone) {
        if (remapPending.compareAndSet(false, true)) {
            scheduler.execute(() -> {
                remapPending.set(false);
                List<HeldMapping> all;
                synchronized (this) {
                    all = new ArrayList<>(held.values());
                }
                all.remove(alreadyDone);
                all.forEach(mapping -> {
                    mapping.timer.cancel();
                    refresh(mapping, Kind.MAPPED);
                });
            });
        }
    }

    private void scheduleRefresh(HeldMapping mapping, Duration delay, Kind kindIfUnchanged) {
        mapping.timer.cancel();
        mapping.timer = scheduler.schedule(() -> refresh(mapping, kindIfUnchanged), delay);
    }

    private void delete(HeldMapping mapping, ProtocolClient with, RetrySchedule schedule) throws PortMappingException {
        if (gateway == null || mapping.protocol == null) {
            return;
        }
        try {
            if (mapping.protocol == MapperProtocol.PCP) {
                InetAddress local = network.localAddressToward(gateway.getAddress());
                with.pcpMap(gateway, local, mapping.nonce, mapping.transport, mapping.internalPort, 0, null, 0, schedule);
            } else {
                with.natPmpMap(gateway, null, mapping.transport, mapping.internalPort, 0, 0, schedule);
            }
            log.info("Deleted the {} mapping of {} on the gateway {}", mapping.protocol, mapping.describe(), gateway.getAddress());
        } catch (VersionMismatchException e) {
            throw new PortMappingException("the gateway no longer speaks " + mapping.protocol + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PortMappingException("cannot find this host's address toward the gateway: " + e.getMessage(), e);
        }
    }

    private InetSocketAddress currentGateway() throws PortMappingException {
        Optional<InetAddress> found;
        try {
            found = network.defaultGateway();
        } catch (IOException e) {
            throw new PortMappingException("cannot read the routing table: " + e.getMessage(), e);
        }
        InetAddress address = found.orElseThrow(() -> new PortMappingException("this host has no default IPv4 gateway "
                + "to ask for a mapping; if the router is not the default gateway, set 'gateway' in configuration "
                + "io.homeward.portmap.pcp"));
        InetSocketAddress target = new InetSocketAddress(address, serverPort);
        if (!target.equals(gateway)) {
            epochs.reset();
            gateway = target;
        }
        return target;
    }

    private InetAddress localAddress(InetSocketAddress target) throws PortMappingException {
        InetAddress local;
        try {
            local = network.localAddressToward(target.getAddress());
        } catch (IOException e) {
            throw new PortMappingException("cannot find this host's address toward the gateway " + target.getAddress()
                    .getHostAddress() + ": " + e.getMessage(), e);
        }
        if (AddressRanges.unreachableReason(local).isEmpty()) {
            throw new PortMappingException("this host has a public address (" + local.getHostAddress()
                    + "); no mapping needed");
        }
        return local;
    }

    /** A "public" address the Internet cannot reach means another NAT beyond the gateway: a double NAT. */
    private void refuseUnreachable(Grant grant, HeldMapping mapping, InetSocketAddress target)
            throws PortMappingException {
        InetAddress address = grant.externalAddress();
        if (address == null || address.isAnyLocalAddress()) {
            throw new PortMappingException("the gateway " + target.getAddress().getHostAddress()
                    + " reports no public address yet (0.0.0.0); it may still be connecting to the Internet");
        }
        Optional<String> reason = AddressRanges.unreachableReason(address);
        if (reason.isPresent()) {
            mapping.protocol = grant.protocol();
            try {
                delete(mapping, client, settings.shortRequests());
            } catch (PortMappingException e) {
                log.debug("Could not delete the useless mapping of {}: {}", mapping.describe(), e.getMessage());
            }
            externalAddress = address;
            throw new PortMappingException("double NAT: the gateway " + target.getAddress().getHostAddress()
                    + " reports the public address " + address.getHostAddress() + ", which is " + reason.get()
                    + "; another NAT sits beyond it, so port mapping cannot bring Internet traffic to this host");
        }
    }

    private void emit(Kind kind, PortMapping mapping) {
        if (kind == Kind.MAPPED || kind == Kind.CHANGED) {
            log.info("Port mapping {}: {} {} -> {}:{} via {}, lifetime {} s", kind, mapping.transport(), mapping.internalPort(),
                    mapping.externalAddress().getHostAddress(), mapping.externalPort(), mapping.mapper(),
                    mapping.lifetime().toSeconds());
        }
        PortMappingEvent event = new PortMappingEvent(kind, mapping);
        scheduler.execute(() -> events.accept(event));
    }

    private static boolean sameEndpoint(PortMapping a, PortMapping b) {
        return a.externalPort() == b.externalPort() && a.externalAddress().equals(b.externalAddress());
    }

    private static String key(TransportProtocol transport, int port) {
        return transport + "/" + port;
    }
}
