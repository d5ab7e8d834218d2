package io.homeward.portmap.pcp.internal.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.homeward.api.portmap.MapperProtocol;

/** Receives gateway announcements that parsed; the receiver checks that they come from its gateway. */
public interface AnnouncementHandler {

    /**
     * @param from            who sent it
     * @param protocol        PCP (ANNOUNCE) or NAT-PMP (gratuitous address reply)
     * @param epoch           the gateway's epoch in it
     * @param externalAddress the public address it announces (NAT-PMP), or null
     */
    void announcement(InetSocketAddress from, MapperProtocol protocol, long epoch, InetAddress externalAddress);
}
