package io.homeward.portmap.pcp.internal.wire;

import java.net.InetAddress;

/**
 * A PCP response (RFC 6887 §7.2), with the MAP fields (§11.1) when it carries them.
 *
 * @param version         2, or on UNSUPP_VERSION the highest version the server speaks
 * @param opcode          the request opcode (without the R bit): 0 ANNOUNCE, 1 MAP
 * @param result          0 on success, else the RFC 6887 §7.4 result code
 * @param lifetime        granted lifetime, or on error how long the error is expected to last (seconds)
 * @param epoch           the server's epoch time (seconds)
 * @param nonce           the echoed 12-byte mapping nonce, or null
 * @param protocol        the IANA protocol number of the mapping
 * @param internalPort    the echoed internal port
 * @param externalPort    the assigned external port
 * @param externalAddress the assigned external address, or null
 */
public record PcpReply(int version, int opcode, int result, long lifetime, long epoch, byte[] nonce, int protocol,
        int internalPort, int externalPort, InetAddress externalAddress) {

    public boolean hasMapData() {
        return nonce != null;
    }
}
