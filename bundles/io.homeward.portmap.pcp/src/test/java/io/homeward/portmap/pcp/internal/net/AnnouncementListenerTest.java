package io.homeward.portmap.pcp.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.portmap.pcp.internal.wire.Samples;
import io.homeward.testkit.RecordingLogger;

class AnnouncementListenerTest {
    private static final InetSocketAddress GATEWAY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5351);

    private final RecordingLogger log = new RecordingLogger();
    private final BlockingQueue<List<Object>> heard = new LinkedBlockingQueue<>();

    private AnnouncementListener listener(DatagramSocket socket) {
        return new AnnouncementListener(socket, (from, protocol, epoch, address) ->
                heard.add(java.util.Arrays.asList(from, protocol, epoch, address)), log.logger());
    }

    @Test
    void natPmpAndPcpAnnouncementsArriveOverUdp() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        AnnouncementListener listener = listener(socket);
        listener.start();
        try (DatagramSocket sender = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] natPmp = Samples.bytes("00 80 00 00 00 00 00 02 0b 00 00 16");
            sender.send(new DatagramPacket(natPmp, natPmp.length, socket.getLocalSocketAddress()));
            List<Object> first = heard.poll(5, TimeUnit.SECONDS);
            assertEquals(List.of(sender.getLocalSocketAddress(), MapperProtocol.NAT_PMP, 2L, Samples.address("11.0.0.22")), first);
            byte[] pcp = Samples.bytes("02 80 00 00 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00");
            sender.send(new DatagramPacket(pcp, pcp.length, socket.getLocalSocketAddress()));
            List<Object> second = heard.poll(5, TimeUnit.SECONDS);
            assertEquals(MapperProtocol.PCP, second.get(1));
            assertEquals(1L, second.get(2));
        } finally {
            listener.close();
        }
        assertTrue(socket.isClosed());
    }

    @Test
    void anythingElseIsLoggedAndDropped() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            AnnouncementListener listener = listener(socket);
            byte[] mappingReply = Samples.bytes("00 81 00 00 00 00 0e 15 11 94 ee 48 00 00 1c 20");
            listener.handle(GATEWAY, mappingReply, mappingReply.length);
            byte[] pcpMap = Samples.bytes(Samples.PCP_MAP_RESPONSE);
            listener.handle(GATEWAY, pcpMap, pcpMap.length);
            listener.handle(GATEWAY, new byte[] {7, 0, 0, 0}, 4);
            listener.handle(GATEWAY, new byte[0], 0);
            assertTrue(heard.isEmpty());
            assertEquals(4, log.lines().stream().filter(line -> line.startsWith("WARN Ignored an announcement")).count(),
                    log.lines()::toString);
        }
    }
}
