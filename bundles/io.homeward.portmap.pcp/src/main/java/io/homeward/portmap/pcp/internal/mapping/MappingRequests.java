package io.homeward.portmap.pcp.internal.mapping;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.log.Logger;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.portmap.pcp.internal.wire.PcpConstants;
import io.homeward.portmap.pcp.internal.wire.VersionMismatchException;

/**
 * One map or renew request in the enabled protocols: the one that last worked first, else PCP, and
 * the other one when the gateway answers "unsupported version" with the other's version number
 * (RFC 6887 §9). A renewal suggests the port and address granted before.
 */
final class MappingRequests {
    private static final int PCP_NETWORK_FAILURE = 7;
    private static final int PCP_NO_RESOURCES = 8;
    private static final int NAT_PMP_NETWORK_FAILURE = 3;

    private final MapperSettings settings;
    private final Logger log;

    MappingRequests(MapperSettings settings, Logger log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * @param renewal whether the gateway still holds the mapping: then the previous port and address are
     *                suggested (RFC 6887 §11.2.1); after a reboot or address change only the port is
     */
    Grant request(ProtocolClient client, HeldMapping mapping, InetSocketAddress gateway, InetAddress local,
            boolean renewal) throws PortMappingException {
        List<MapperProtocol> order = order(mapping.protocol);
        for (int i = 0; i < order.size(); i++) {
            MapperProtocol protocol = order.get(i);
            try {
                return protocol == MapperProtocol.PCP ? pcp(client, mapping, gateway, local, renewal) : natPmp(client, mapping, gateway);
            } catch (GatewayRefusedException e) {
                throw protocol == MapperProtocol.PCP ? explainPcpFailure(client, gateway, e) : e;
            } catch (VersionMismatchException e) {
                MapperProtocol next = i + 1 < order.size() ? order.get(i + 1) : null;
                if (next == null || protocolOf(e.spokenVersion()) != next) {
                    throw new PortMappingException(unsupported(protocol, e.spokenVersion()), e);
                }
                log.info("The gateway {} does not speak {} (it answered 'unsupported version' in version {}); trying {}",
                        gateway.getAddress(), protocol, e.spokenVersion(), next);
            }
        }
        throw new PortMappingException("PCP and NAT-PMP are both disabled: set enablePcp or enableNatPmp in "
                + "configuration io.homeward.portmap.pcp");
    }

    private Grant pcp(ProtocolClient client, HeldMapping mapping, InetSocketAddress gateway, InetAddress local,
            boolean renewal) throws PortMappingException, VersionMismatchException {
        int suggestedPort = mapping.current == null ? mapping.internalPort : mapping.current.externalPort();
        InetAddress suggestedAddress = renewal && mapping.current != null ? mapping.current.externalAddress() : null;
        return client.pcpMap(gateway, local, mapping.nonce, mapping.transport, mapping.internalPort, suggestedPort,
                suggestedAddress, mapping.lifetimeSeconds, settings.requests());
    }

    /** NAT-PMP mapping replies carry no address, so ask for it first (RFC 6886 §3.2). */
    private Grant natPmp(ProtocolClient client, HeldMapping mapping, InetSocketAddress gateway)
            throws PortMappingException, VersionMismatchException {
        Grant address = client.natPmpAddress(gateway, settings.requests());
        int suggestedPort = mapping.current == null ? mapping.internalPort : mapping.current.externalPort();
        return client.natPmpMap(gateway, address.externalAddress(), mapping.transport, mapping.internalPort, suggestedPort,
                mapping.lifetimeSeconds, settings.requests());
    }

    /**
     * PCP's NETWORK_FAILURE and NO_RESOURCES do not say why; a NAT-PMP address request does: no public
     * address at all, or a private one, means the router sits behind another NAT (miniupnpd answers a
     * MAP with NO_RESOURCES when its WAN address is private, and the address request with result 3).
     */
    private PortMappingException explainPcpFailure(ProtocolClient client, InetSocketAddress gateway,
            GatewayRefusedException failure) {
        boolean unexplained = failure.result() == PCP_NETWORK_FAILURE || failure.result() == PCP_NO_RESOURCES;
        if (!unexplained || !settings.enableNatPmp()) {
            return failure;
        }
        try {
            InetAddress address = client.natPmpAddress(gateway, settings.shortRequests()).externalAddress();
            return AddressRanges.unreachableReason(address)
                    .<PortMappingException>map(reason -> new PortMappingException("double NAT: the gateway "
                            + gateway.getAddress().getHostAddress() + " reports the public address "
                            + address.getHostAddress() + ", which is " + reason + "; " + failure.getMessage()))
                    .orElse(failure);
        } catch (GatewayRefusedException e) {
            return e.result() == NAT_PMP_NETWORK_FAILURE ? e : failure;
        } catch (PortMappingException | VersionMismatchException e) {
            return failure;
        }
    }

    private List<MapperProtocol> order(MapperProtocol preferred) {
        List<MapperProtocol> order = new ArrayList<>(2);
        if (settings.enablePcp()) {
            order.add(MapperProtocol.PCP);
        }
        if (settings.enableNatPmp()) {
            order.add(MapperProtocol.NAT_PMP);
        }
        if (preferred != null && order.remove(preferred)) {
            order.add(0, preferred);
        }
        return order;
    }

    /** The protocol of this version number, or null for one neither protocol uses. */
    private static MapperProtocol protocolOf(int version) {
        return version == PcpConstants.PCP_VERSION ? MapperProtocol.PCP
                : version == PcpConstants.NAT_PMP_VERSION ? MapperProtocol.NAT_PMP : null;
    }

    private String unsupported(MapperProtocol tried, int spoken) {
        MapperProtocol speaks = protocolOf(spoken);
        if (speaks == MapperProtocol.PCP && !settings.enablePcp()) {
            return "the gateway speaks only PCP, which is disabled: set enablePcp=true in configuration io.homeward.portmap.pcp";
        }
        if (speaks == MapperProtocol.NAT_PMP && !settings.enableNatPmp()) {
            return "the gateway speaks only NAT-PMP, which is disabled: set enableNatPmp=true in configuration "
                    + "io.homeward.portmap.pcp";
        }
        return "the gateway does not speak " + tried + " and answered in "
                + (speaks == null ? "version " + spoken : speaks.text()) + ", which this host cannot use";
    }
}
