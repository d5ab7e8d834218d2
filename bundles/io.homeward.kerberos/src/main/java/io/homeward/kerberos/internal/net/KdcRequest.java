package io.homeward.kerberos.internal.net;

import java.net.InetSocketAddress;

/**
 * One request as it arrived at the front door.
 *
 * @param message   the request's bytes (a DER KDC-REQ if the client is well behaved; anything otherwise), without the
 *                  TCP length prefix
 * @param client    where it came from (a source the front door's predicate allowed)
 * @param transport how it came
 */
public record KdcRequest(byte[] message, InetSocketAddress client, Transport transport) {

    /** RFC 4120 §7.2.1 (UDP) and §7.2.2 (TCP). */
    public enum Transport {
        UDP, TCP
    }
}
