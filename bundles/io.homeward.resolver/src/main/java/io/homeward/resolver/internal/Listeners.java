package io.homeward.resolver.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** The name server's UDP and TCP sockets on one address and port: both bound, or neither. */
interface Listeners extends Closeable {

    @Override
    void close();

    /** Binds the sockets; the seam tests replace, since the ULA exists on no test machine. */
    @FunctionalInterface
    interface Opener {

        /** @throws IOException when either socket cannot be bound; nothing stays open then */
        Listeners open(InetSocketAddress at) throws IOException;
    }

    /** The real sockets, each with its own threads. */
    static Opener sockets(NameServer server, int maxTcpConnections, Duration tcpIdle) {
        return at -> {
            UdpServer udp = UdpServer.bind(at, server);
            try {
                TcpServer tcp = TcpServer.bind(new InetSocketAddress(at.getAddress(), udp.port()), server,
                        maxTcpConnections, tcpIdle);
                return () -> {
                    tcp.close();
                    udp.close();
                };
            } catch (IOException e) {
                udp.close();
                throw e;
            }
        };
    }
}
