package io.homeward.portmap.pcp.internal.mapping;

import java.net.InetAddress;
import java.util.List;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapping;

/**
 * What the mapper knows, for the shell command.
 *
 * @param gateway         the gateway last asked, or null
 * @param protocol        the protocol that last worked, or null
 * @param externalAddress the public address the gateway last reported, or null
 * @param epoch           the gateway's last epoch
 * @param mappings        the mappings held now
 * @param problem         why the last request failed, or null when it worked
 */
public record MapperStatus(InetAddress gateway, MapperProtocol protocol, InetAddress externalAddress, long epoch,
        List<PortMapping> mappings, String problem) {
}
