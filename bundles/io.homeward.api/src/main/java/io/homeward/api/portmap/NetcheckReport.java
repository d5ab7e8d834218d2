package io.homeward.api.portmap;

import java.time.Instant;
import java.util.List;

/**
 * The network diagnosis, ready to render.
 *
 * @param host           where this host stands, in words ("behind NAT (private address 192.168.1.10)")
 * @param localAddresses this host's IPv4 addresses
 * @param internalPort   the tunnel port being mapped
 * @param protocols      one line per installed mapper, best first
 * @param mapping        the mapping held, or null
 * @param warnings       plain-language problems, most important first
 * @since 1.1
 */
public record NetcheckReport(String host, List<String> localAddresses, int internalPort, List<Protocol> protocols,
        PortMapping mapping, List<String> warnings) {

    /**
     * One port mapping protocol and what the gateway said to it.
     *
     * @param askedAt when it was last asked, or null if never
     * @since 1.1
     */
    public record Protocol(String name, int ranking, boolean active, String outcome, Instant askedAt) {
    }

    public NetcheckReport {
        localAddresses = List.copyOf(localAddresses);
        protocols = List.copyOf(protocols);
        warnings = List.copyOf(warnings);
    }
}
