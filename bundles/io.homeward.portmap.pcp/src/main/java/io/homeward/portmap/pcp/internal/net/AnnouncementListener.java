package io.homeward.portmap.pcp.internal.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

import org.osgi.service.log.Logger;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.portmap.pcp.internal.wire.MalformedPacketException;
import io.homeward.portmap.pcp.internal.wire.NatPmpMessages;
import io.homeward.portmap.pcp.internal.wire.NatPmpReply;
import io.homeward.portmap.pcp.internal.wire.PcpConstants;
import io.homeward.portmap.pcp.internal.wire.PcpMessages;
import io.homeward.portmap.pcp.internal.wire.PcpReply;

/**
 * Reads gateway announcements from port 5350 on its own thread: NAT-PMP gratuitous address replies
 * (RFC 6886 §3.2.1) and PCP ANNOUNCE responses (RFC 6887 §14.1.3). Anything else is logged and
 * dropped. Closing the socket ends the thread.
 */
public final class AnnouncementListener implements AutoCloseable {
    private final DatagramSocket socket;
    private final AnnouncementHandler handler;
    private final Logger log;
    private final Thread thread;

    public AnnouncementListener(DatagramSocket socket, AnnouncementHandler handler, Logger log) {
        this.socket = socket;
        this.handler = handler;
        this.log = log;
        this.thread = new Thread(this::run, "homeward-pcp-announcements");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("Stopped listening for gateway announcements: {}", e.getMessage());
                }
                return;
            }
            handle((InetSocketAddress) packet.getSocketAddress(), packet.getData(), packet.getLength());
        }
    }

    void handle(InetSocketAddress from, byte[] data, int length) {
        try {
            if (length < 1) {
                throw new MalformedPacketException("it is empty");
            }
            int version = data[0] & 0xFF;
            if (version == PcpConstants.NAT_PMP_VERSION) {
                NatPmpReply reply = NatPmpMessages.parse(data, length);
                if (reply.opcode() != PcpConstants.RESPONSE_BIT || reply.result() != 0) {
                    throw new MalformedPacketException("a NAT-PMP announcement is a successful address reply (opcode 128), "
                            + "not opcode " + reply.opcode() + " result " + reply.result());
                }
                handler.announcement(from, MapperProtocol.NAT_PMP, reply.epoch(), reply.externalAddress());
            } else if (version == PcpConstants.PCP_VERSION) {
                PcpReply reply = PcpMessages.parse(data, length);
                if (reply.opcode() != PcpMessages.OP_ANNOUNCE || reply.result() != 0) {
                    throw new MalformedPacketException("a PCP announcement is a successful ANNOUNCE (opcode 0), not opcode "
                            + reply.opcode() + " result " + reply.result());
                }
                handler.announcement(from, MapperProtocol.PCP, reply.epoch(), null);
            } else {
                throw new MalformedPacketException("version " + version + " is neither NAT-PMP (0) nor PCP (2)");
            }
        } catch (MalformedPacketException e) {
            log.warn("Ignored an announcement from {}: {}", from, e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5_000);
    }
}
