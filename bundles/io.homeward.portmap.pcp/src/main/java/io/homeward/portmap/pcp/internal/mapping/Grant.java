package io.homeward.portmap.pcp.internal.mapping;

import java.net.InetAddress;

/**
 * What the gateway granted for one mapping request.
 *
 * @param protocol        {@code pcp} or {@code nat-pmp}
 * @param externalAddress the gateway's public address
 * @param externalPort    the public port
 * @param lifetime        granted seconds
 * @param epoch           the gateway's epoch in the reply
 */
record Grant(String protocol, InetAddress externalAddress, int externalPort, long lifetime, long epoch) {
}
