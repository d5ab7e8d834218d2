package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.osgi.service.log.Logger;

import io.homeward.api.portmap.TransportProtocol;

/**
 * Adds a mapping, choosing the external port: AddAnyPortMapping on IGD v2, else AddPortMapping from
 * the suggested port upwards while the gateway answers 718 ConflictInMappingEntry, with a permanent
 * lease when a v1 gateway answers 725 OnlyPermanentLeasesSupported (IGD v1 §2.2.16).
 */
final class PortAllocator {
    /** How many external ports are tried before giving up on conflicts. */
    static final int MAX_PORT_ATTEMPTS = 16;
    /** IGD v2 leases are 1 s to 7 days (IGD v2 §2.3.16). */
    static final long V2_MAX_LEASE = 604_800;
    private static final int FIRST_MAPPABLE = 1024;

    /** The external port the gateway granted and the lease it holds (0 = permanent). */
    record Grant(int externalPort, long leaseSeconds) {
    }

    private final Network network;
    private final Logger log;

    PortAllocator(Network network, Logger log) {
        this.network = network;
        this.log = log;
    }

    /** This host's address on the link towards the gateway: the internal client of every mapping. */
    InetAddress clientAddress(WanService service) throws IOException {
        URI control = service.controlUrl();
        InetAddress gateway;
        try {
            gateway = WanConnection.ipv4Literal(control.getHost(), "control URL host");
        } catch (IOException notLiteral) {
            try {
                gateway = InetAddress.getByName(control.getHost());
            } catch (UnknownHostException e) {
                throw new IOException("the gateway's control host " + control.getHost() + " does not resolve", e);
            }
        }
        return network.localAddressTowards(gateway, control.getPort() < 0 ? 80 : control.getPort());
    }

    Grant add(WanConnection c, TransportProtocol transport, int internalPort, InetAddress client, long lease,
            int suggested, boolean allowAny) throws IOException {
        if (c.service().isVersion2()) {
            long v2Lease = Math.max(1, Math.min(lease, V2_MAX_LEASE));
            if (allowAny) {
                try {
                    return new Grant(c.addAny(suggested, transport, internalPort, client, v2Lease), v2Lease);
                } catch (UpnpFault f) {
                    if (f.code() != UpnpFault.INVALID_ACTION && f.code() != UpnpFault.NOT_IMPLEMENTED) {
                        throw f;
                    }
                    log.info("UPnP gateway lacks AddAnyPortMapping (" + f.code() + "); using AddPortMapping");
                }
            }
            return addFrom(c, transport, internalPort, client, v2Lease, suggested);
        }
        return addFrom(c, transport, internalPort, client, lease, suggested);
    }

    private Grant addFrom(WanConnection c, TransportProtocol transport, int internalPort, InetAddress client,
            long lease, int suggested) throws IOException {
        long currentLease = lease;
        int attempt = 0;
        while (attempt < MAX_PORT_ATTEMPTS) {
            int port = candidate(suggested, attempt);
            try {
                c.add(port, transport, internalPort, client, currentLease);
                return new Grant(port, currentLease);
            } catch (UpnpFault f) {
                if (f.code() == UpnpFault.ONLY_PERMANENT_LEASES && currentLease != 0) {
                    log.info("UPnP gateway only grants permanent mappings (725); the mapping is deleted on stop");
                    currentLease = 0;
                } else if (f.code() == UpnpFault.CONFLICT) {
                    log.debug("UPnP external port " + port + " is taken (718); trying the next");
                    attempt++;
                } else if (f.code() == UpnpFault.SAME_PORT_VALUES_REQUIRED) {
                    throw new IOException("external port " + port + " is taken and the gateway only maps a port to"
                            + " the same internal port (724 SamePortValuesRequired)", f);
                } else {
                    throw f;
                }
            }
        }
        throw new IOException("external ports " + candidate(suggested, 0) + " to "
                + candidate(suggested, MAX_PORT_ATTEMPTS - 1) + " are all taken on the gateway (718"
                + " ConflictInMappingEntry)");
    }

    /** The suggested port, then the ones above it, wrapping within the ports a gateway will map. */
    static int candidate(int suggested, int attempt) {
        int base = Math.max(suggested, FIRST_MAPPABLE);
        int span = 65536 - FIRST_MAPPABLE;
        return suggested < FIRST_MAPPABLE && attempt == 0 ? suggested
                : FIRST_MAPPABLE + (base - FIRST_MAPPABLE + attempt) % span;
    }
}
