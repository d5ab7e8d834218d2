package io.homeward.portmap.pcp.internal.mapping;

import java.net.InetAddress;

import io.homeward.api.portmap.MapperProtocol;

/**
 * What the gateway granted for one mapping request.
 *
 * @param protocol        PCP or NAT-PMP
 * @param externalAddress the gateway's public address
 * @param externalPort    the public port
 * @param lifetime        granted seconds
 * @param epoch           the gateway's epoch in the reply
 */
record Grant(MapperProtocol protocol, InetAddress externalAddress, int externalPort, long lifetime, long epoch) {
}
