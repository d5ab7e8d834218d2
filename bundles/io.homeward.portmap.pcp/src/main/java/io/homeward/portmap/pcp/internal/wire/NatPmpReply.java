package io.homeward.portmap.pcp.internal.wire;

import java.net.InetAddress;

/**
 * A NAT-PMP response (RFC 6886 §3.2, §3.3). Fields a reply of this kind does not carry are 0 or null.
 *
 * @param opcode          128 + the request's opcode
 * @param result          0 on success, else the RFC 6886 §3.5 result code
 * @param epoch           seconds since the gateway's mapping table was (re)initialised
 * @param externalAddress the public address (address replies)
 * @param internalPort    the echoed internal port (mapping replies)
 * @param externalPort    the mapped public port (mapping replies)
 * @param lifetime        granted lifetime in seconds (mapping replies)
 */
public record NatPmpReply(int opcode, int result, long epoch, InetAddress externalAddress, int internalPort,
        int externalPort, long lifetime) {
}
