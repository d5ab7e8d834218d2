package io.homeward.api.tunnel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent's one UDP port for the tunnel (RFC 3948: ESP, IKE behind the non-ESP marker, NAT keepalives),
 * and what the Internet sees of it. Datagrams that arrive are handed to the {@link TunnelDatagramHandler}
 * registered for their kind. Handlers and listeners are added on the service, not as whiteboard services, so a
 * component that needs the port and also receives from it forms no DS reference cycle.
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

    /**
     * Hands the datagrams of one kind to {@code handler} until the returned registration is closed. One handler
     * per kind: a later registration replaces an earlier one, whose close then does nothing.
     *
     * @since 2.0
     */
    Registration register(DatagramKind kind, TunnelDatagramHandler handler);

    /**
     * Tells {@code listener} the {@link #reflexiveEndpoint()} at once, then every change of it, in order.
     *
     * @since 2.0
     */
    void addReflexiveEndpointListener(ReflexiveEndpointListener listener);

    /** @since 2.0 */
    void removeReflexiveEndpointListener(ReflexiveEndpointListener listener);

    /**
     * A handler's hold on its kind of datagram.
     *
     * @since 2.0
     */
    @ProviderType
    interface Registration extends AutoCloseable {

        /** Stops handing datagrams to the handler; closing twice does nothing. */
        @Override
        void close();
    }
}
