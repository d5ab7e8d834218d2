package io.homeward.api.tunnel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent's one UDP port for the tunnel (RFC 3948: ESP, IKE behind the non-ESP marker, NAT keepalives),
 * and what the Internet sees of it. Datagrams that arrive are handed to {@link TunnelDatagramHandler}s.
 */
@ProviderType
public interface TunnelPort {

    /** The local UDP port. */
    int localPort();

    /** Sends one UDP payload; safe to call from several threads. */
    void send(byte[] payload, int offset, int length, InetSocketAddress to) throws IOException;

    /**
     * This port's public address and port as a STUN server (RFC 8489) last saw it: the NAT's address and the
     * port it gave this one, or this host's own address when there is no NAT. Empty until learned.
     */
    Optional<InetSocketAddress> reflexiveEndpoint();
}
