package io.homeward.portmap.pcp.internal.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

import io.homeward.api.portmap.PortMappingException;
import io.homeward.portmap.pcp.internal.wire.MalformedPacketException;
import io.homeward.portmap.pcp.internal.wire.VersionMismatchException;

/**
 * One request to the gateway and its reply, retransmitted on the {@link RetrySchedule}. The socket
 * is connected, so an ICMP port unreachable from a gateway without a server ends the wait at once
 * (RFC 6886 §3.1). Datagrams from anyone but the gateway, and replies the parser rejects, are
 * logged and waited past.
 */
public final class GatewayExchange {
    private static final int MAX_DATAGRAM = 1500;

    /** Reads one datagram: the answer, or null when it answers some other request. */
    public interface ReplyParser<T> {
        T parse(byte[] data, int length) throws MalformedPacketException, VersionMismatchException, PortMappingException;
    }

    private final Logger log;
    private volatile DatagramSocket inFlight;
    private volatile boolean closed;

    public GatewayExchange(Logger log) {
        this.log = log;
    }

    public <T> T exchange(InetSocketAddress gateway, byte[] request, RetrySchedule schedule, String what, ReplyParser<T> parser)
            throws PortMappingException, VersionMismatchException {
        if (closed) {
            throw new PortMappingException("the PCP/NAT-PMP mapper is stopping");
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            inFlight = socket;
            socket.connect(gateway);
            byte[] buffer = new byte[MAX_DATAGRAM];
            for (int attempt = 0; attempt < schedule.attempts(); attempt++) {
                socket.send(new DatagramPacket(request, request.length));
                long deadline = System.nanoTime() + schedule.waitAfter(attempt).toNanos();
                T answer = awaitReply(socket, gateway, buffer, deadline, what, parser);
                if (answer != null) {
                    return answer;
                }
            }
            throw new PortMappingException("the gateway " + gateway.getAddress().getHostAddress() + " did not answer the "
                    + what + " within " + schedule.total().toSeconds() + " s (" + schedule.attempts()
                    + " tries); PCP and NAT-PMP are probably disabled on the router");
        } catch (PortUnreachableException e) {
            throw new PortMappingException("the gateway " + gateway.getAddress().getHostAddress()
                    + " runs no PCP or NAT-PMP server (UDP port " + gateway.getPort() + " unreachable)", e);
        } catch (IOException e) {
            if (closed) {
                throw new PortMappingException("the PCP/NAT-PMP mapper is stopping", e);
            }
            throw new PortMappingException("cannot talk to the gateway " + gateway.getAddress().getHostAddress() + ": "
                    + e.getMessage(), e);
        } finally {
            inFlight = null;
        }
    }

    /** Ends any exchange in progress and refuses new ones. */
    public void close() {
        closed = true;
        DatagramSocket socket = inFlight;
        if (socket != null) {
            socket.close();
        }
    }

    private <T> T awaitReply(DatagramSocket socket, InetSocketAddress gateway, byte[] buffer, long deadline, String what,
            ReplyParser<T> parser) throws IOException, PortMappingException, VersionMismatchException {
        while (true) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, remaining));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (!gateway.equals(packet.getSocketAddress())) {
                log.warn("Ignored a datagram from {} while waiting for the {}: only the gateway {} may answer",
                        packet.getSocketAddress(), what, gateway);
                continue;
            }
            if (packet.getLength() == 0) {
                log.warn("Ignored an empty datagram from the gateway {} while waiting for the {}", gateway, what);
                continue;
            }
            try {
                T answer = parser.parse(packet.getData(), packet.getLength());
                if (answer != null) {
                    return answer;
                }
            } catch (MalformedPacketException e) {
                log.warn("Ignored a reply from the gateway {} to the {}: {}", gateway, what, e.getMessage());
            }
        }
    }
}
