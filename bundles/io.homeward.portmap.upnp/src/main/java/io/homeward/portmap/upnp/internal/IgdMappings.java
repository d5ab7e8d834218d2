package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingEvent.Kind;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.TransportProtocol;

/**
 * The mappings this host holds on a UPnP gateway: obtains them, re-adds them at half-lease (UPnP has
 * no renewal verb), re-checks the external address and the mapping's presence on every maintenance
 * pass, and reports every change.
 */
final class IgdMappings {

    /** A granted mapping with what is needed to add it again. */
    private record Held(PortMapping mapping, long leaseSeconds) {
    }

    private record Key(TransportProtocol transport, int internalPort) {
    }

    private final GatewayLocator locator;
    private final SoapClient soap;
    private final PortAllocator allocator;
    private final Clock clock;
    private final Duration maxLease;
    private final Consumer<PortMappingEvent> events;
    private final Logger log;
    private final Map<Key, Held> held = new LinkedHashMap<>();
    private WanConnection connection;

    IgdMappings(GatewayLocator locator, SoapClient soap, PortAllocator allocator, Clock clock, Duration maxLease,
            Consumer<PortMappingEvent> events, Logger log) {
        this.locator = locator;
        this.soap = soap;
        this.allocator = allocator;
        this.clock = clock;
        this.maxLease = maxLease;
        this.events = events;
        this.log = log;
    }

    synchronized PortMapping map(TransportProtocol transport, int internalPort, Duration requested)
            throws PortMappingException {
        if (internalPort < 1 || internalPort > 65535) {
            throw new PortMappingException("internal port " + internalPort + " is not a port number");
        }
        Key key = new Key(transport, internalPort);
        Held previous = held.get(key);
        int suggested = previous == null ? internalPort : previous.mapping().externalPort();
        try {
            WanConnection c = connection();
            Held granted = obtain(c, transport, internalPort, leaseSeconds(requested), suggested, true);
            held.put(key, granted);
            events.accept(new PortMappingEvent(Kind.MAPPED, granted.mapping()));
            return granted.mapping();
        } catch (IOException e) {
            forgetGatewayUnlessFault(e);
            log.warn("UPnP mapping of " + transport + " port " + internalPort + " failed: " + e.getMessage());
            throw new PortMappingException("The router's UPnP service gave no mapping: " + e.getMessage(), e);
        }
    }

    synchronized void release(PortMapping mapping) throws PortMappingException {
        Key key = new Key(mapping.transport(), mapping.internalPort());
        Held h = held.get(key);
        if (h == null || h.mapping().externalPort() != mapping.externalPort()) {
            throw new PortMappingException("UPnP holds no mapping of " + mapping.transport() + " external port "
                    + mapping.externalPort() + " for internal port " + mapping.internalPort());
        }
        held.remove(key);
        try {
            delete(connection(), h.mapping());
        } catch (IOException e) {
            forgetGatewayUnlessFault(e);
            throw new PortMappingException("The router's UPnP service did not delete the mapping of external port "
                    + mapping.externalPort() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes every mapping (also permanent ones, which would otherwise outlive this host's use of them). */
    synchronized void releaseAll() {
        for (Held h : new ArrayList<>(held.values())) {
            try {
                delete(connection(), h.mapping());
            } catch (IOException e) {
                log.warn("UPnP: could not delete the mapping of external port " + h.mapping().externalPort()
                        + " on stop: " + e.getMessage());
            }
        }
        held.clear();
    }

    /** One maintenance pass: renew what is due, re-add what vanished, follow a new external address. */
    synchronized void maintain() {
        if (held.isEmpty()) {
            return;
        }
        InetAddress external;
        WanConnection c;
        try {
            c = connection();
            external = c.externalAddress();
        } catch (IOException e) {
            forgetGatewayUnlessFault(e);
            log.warn("UPnP gateway unreachable during maintenance: " + e.getMessage());
            dropExpired();
            return;
        }
        for (Map.Entry<Key, Held> entry : new ArrayList<>(held.entrySet())) {
            PortMapping m = entry.getValue().mapping();
            String reason = renewalReason(c, m, external);
            if (reason != null) {
                renew(c, entry.getKey(), entry.getValue(), reason);
            }
        }
    }

    private String renewalReason(WanConnection c, PortMapping m, InetAddress external) {
        if (!external.equals(m.externalAddress())) {
            return "external address is now " + external.getHostAddress();
        }
        Instant now = clock.instant();
        if (!m.lifetime().isZero() && !now.isBefore(m.grantedAt().plus(m.lifetime().dividedBy(2)))) {
            return "half of the lease has passed";
        }
        try {
            WanConnection.Entry entry = c.entry(m.externalPort(), m.transport());
            return entry.internalPort() == m.internalPort() ? null : "the gateway maps the port elsewhere";
        } catch (UpnpFault f) {
            return f.code() == UpnpFault.NO_SUCH_ENTRY ? "the gateway lost the mapping (restarted?)" : null;
        } catch (IOException e) {
            log.warn("UPnP: could not check the mapping of external port " + m.externalPort() + ": " + e.getMessage());
            return null;
        }
    }

    private void renew(WanConnection c, Key key, Held h, String reason) {
        PortMapping old = h.mapping();
        try {
            Held renewed = obtain(c, key.transport(), key.internalPort(), h.leaseSeconds(), old.externalPort(), false);
            held.put(key, renewed);
            PortMapping now = renewed.mapping();
            boolean same = now.externalAddress().equals(old.externalAddress())
                    && now.externalPort() == old.externalPort();
            log.info("UPnP mapping " + describe(now) + " renewed: " + reason);
            events.accept(new PortMappingEvent(same ? Kind.RENEWED : Kind.CHANGED, now));
        } catch (IOException e) {
            forgetGatewayUnlessFault(e);
            log.warn("UPnP: renewing " + describe(old) + " (" + reason + ") failed: " + e.getMessage());
            dropExpired();
        }
    }

    private void dropExpired() {
        Instant now = clock.instant();
        held.entrySet().removeIf(entry -> {
            PortMapping m = entry.getValue().mapping();
            if (now.isBefore(m.expiresAt())) {
                return false;
            }
            log.warn("UPnP mapping " + describe(m) + " expired and could not be renewed");
            events.accept(new PortMappingEvent(Kind.LOST, m));
            return true;
        });
    }

    private Held obtain(WanConnection c, TransportProtocol transport, int internalPort, long lease, int suggested,
            boolean allowAny) throws IOException {
        InetAddress client = allocator.clientAddress(c.service());
        InetAddress external = c.externalAddress();
        PortAllocator.Grant grant = allocator.add(c, transport, internalPort, client, lease, suggested, allowAny);
        verify(c, transport, grant.externalPort(), internalPort, client);
        Duration lifetime = Duration.ofSeconds(grant.leaseSeconds());
        PortMapping mapping = new PortMapping(MapperProtocol.UPNP_IGD, transport, internalPort, external, grant.externalPort(),
                lifetime, clock.instant());
        if (PrivateRanges.isPrivate(external)) {
            log.warn("UPnP gateway's own external address " + external.getHostAddress()
                    + " is private: there is another NAT beyond it, so this mapping alone does not make the host"
                    + " reachable");
        }
        return new Held(mapping, grant.leaseSeconds());
    }

    /** Some routers answer 200 without creating the mapping; ask for it back. */
    private static void verify(WanConnection c, TransportProtocol transport, int externalPort, int internalPort,
            InetAddress client) throws IOException {
        WanConnection.Entry entry;
        try {
            entry = c.entry(externalPort, transport);
        } catch (UpnpFault f) {
            if (f.code() == UpnpFault.NO_SUCH_ENTRY) {
                throw new IOException("the gateway accepted the mapping of external port " + externalPort
                        + " but does not hold it");
            }
            throw f;
        }
        if (entry.internalPort() != internalPort || !entry.internalClient().equals(client)) {
            throw new IOException("the gateway maps external port " + externalPort + " to "
                    + entry.internalClient().getHostAddress() + ":" + entry.internalPort() + ", not to this host");
        }
    }

    /**
     * Deletes the gateway's rule only while it is still this mapper's: a gateway may keep one rule per
     * internal endpoint for all protocols (miniupnpd does), so after PCP or NAT-PMP took the endpoint
     * over, deleting it here would remove their mapping.
     */
    private void delete(WanConnection c, PortMapping m) throws IOException {
        try {
            WanConnection.Entry entry = c.entry(m.externalPort(), m.transport());
            if (!entry.description().equals(WanConnection.DESCRIPTION) || entry.internalPort() != m.internalPort()
                    || !entry.internalClient().equals(allocator.clientAddress(c.service()))) {
                log.info("UPnP: the rule for external port " + m.externalPort() + " now belongs to '"
                        + entry.description() + "' on " + entry.internalClient().getHostAddress() + "; left in place");
                return;
            }
            c.delete(m.externalPort(), m.transport());
            log.info("UPnP mapping " + describe(m) + " deleted");
        } catch (UpnpFault f) {
            if (f.code() != UpnpFault.NO_SUCH_ENTRY) {
                throw f;
            }
        }
    }

    private long leaseSeconds(Duration requested) {
        if (requested == null || requested.isZero() || requested.isNegative()) {
            return maxLease.toSeconds();
        }
        return Math.max(1, Math.min(requested.toSeconds(), maxLease.toSeconds()));
    }

    private WanConnection connection() throws IOException {
        if (connection == null) {
            connection = new WanConnection(soap, locator.locate());
        }
        return connection;
    }

    /** A UPnP fault proves the gateway is where we think; anything else sends us back to discovery. */
    private void forgetGatewayUnlessFault(IOException e) {
        if (!(e instanceof UpnpFault)) {
            connection = null;
        }
    }

    private static String describe(PortMapping m) {
        return m.transport() + " " + m.externalAddress().getHostAddress() + ":" + m.externalPort() + " -> port "
                + m.internalPort();
    }
}
