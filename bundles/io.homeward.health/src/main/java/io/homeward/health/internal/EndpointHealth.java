package io.homeward.health.internal;

import java.net.InetAddress;
import java.util.Optional;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;

import io.homeward.api.endpoint.PublicEndpoint;

/**
 * Whether the endpoint this host gives its peers can be reached by them. A port mapping, a STUN answer or a
 * configured address is the designed outcome whichever ranked provider gave it; this host's own private address
 * reaches the LAN only; a loopback address or none reaches nobody.
 */
final class EndpointHealth {
    private EndpointHealth() {
    }

    /** @param endpoints whether an endpoint service runs */
    static Result evaluate(boolean endpoints, Optional<PublicEndpoint> current) {
        FormattingResultLog log = new FormattingResultLog();
        if (!endpoints) {
            log.critical("Nothing tells peers where to reach this host: start bundle io.homeward.portmap");
            return new Result(log);
        }
        if (current.isEmpty()) {
            log.critical("No public endpoint: peers cannot reach this host. Enable UPnP IGD or NAT-PMP/PCP on the"
                    + " gateway, or let the host reach a STUN server");
            return new Result(log);
        }
        PublicEndpoint endpoint = current.get();
        InetAddress address = endpoint.address().getAddress();
        String where = endpoint.address().getHostString() + ":" + endpoint.address().getPort();
        if (address == null || address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            log.critical("Peers are told {}, which only this machine can reach: set the tunnel port's public address"
                    + " or let it listen on a LAN address", where);
        } else if (privateAddress(address)) {
            switch (endpoint.source()) {
                case LOCAL -> log.warn("Reachable only from this LAN at {}: no port mapping and no STUN answer. Enable"
                        + " UPnP IGD or NAT-PMP/PCP on the gateway", where);
                case CONFIGURED -> log.warn("The configured public address {} is private: only hosts on that network"
                        + " can reach it", where);
                default -> log.info("Reachable at {} ({})", where, source(endpoint));
            }
        } else {
            log.info("Reachable from the Internet at {} ({})", where, source(endpoint));
        }
        return new Result(log);
    }

    private static String source(PublicEndpoint endpoint) {
        return switch (endpoint.source()) {
            case MAPPING -> "port mapping on the gateway";
            case CONFIGURED -> "configured";
            case STUN -> "as a STUN server saw it, kept open by keepalives";
            case LOCAL -> "this host's own address";
        };
    }

    /** RFC 1918 and link-local, RFC 6598 shared space, and IPv6 unique local addresses. */
    private static boolean privateAddress(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
            return true;
        }
        if (b.length == 4) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        }
        return (b[0] & 0xfe) == 0xfc;
    }
}
