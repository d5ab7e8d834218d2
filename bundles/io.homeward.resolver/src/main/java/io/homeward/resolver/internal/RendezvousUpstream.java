package io.homeward.resolver.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;

import io.homeward.kit.dns.DnsOverTls;
import io.homeward.kit.dns.UdpQuery;
import io.homeward.kit.net.Endpoints;

/**
 * The rendezvous' DNS server, asked over UDP (sent twice within the timeout), and again over TCP when the answer
 * came truncated (RFC 7766 §5). Each exchange opens and closes its own socket and ends within its timeout.
 */
final class RendezvousUpstream implements Upstream {
    private final InetSocketAddress server;
    private final Duration timeout;
    private final UdpQuery udp;

    RendezvousUpstream(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
        this.udp = new UdpQuery(timeout.dividedBy(2), 2);
    }

    @Override
    public byte[] exchange(byte[] query) throws IOException {
        byte[] answer = udp.exchange(server, query);
        return truncated(answer) ? overTcp(query) : answer;
    }

    /** DNS over TCP: the two-octet length prefix of RFC 1035 §4.2.2, the same framing as DNS over TLS. */
    private byte[] overTcp(byte[] query) throws IOException {
        int millis = (int) timeout.toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(server, millis);
            socket.setSoTimeout(millis);
            DnsOverTls.write(socket.getOutputStream(), query);
            return DnsOverTls.read(new DataInputStream(socket.getInputStream()));
        }
    }

    private static boolean truncated(byte[] answer) throws IOException {
        return new Header(answer).getFlag(Flags.TC);
    }

    @Override
    public String toString() {
        return Endpoints.text(server);
    }
}
