package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class SrvServerFinderTest {
    private static final Name SRV = Name.fromConstantString("_dns-update-tls._tcp.alice.members.test.");
    private static final Name TARGET = Name.fromConstantString("ns.members.test.");

    private final SrvServerFinder finder = new SrvServerFinder(Duration.ofSeconds(2));
    private DatagramSocket socket;
    private Thread responder;

    /** Answers every query on loopback UDP: the SRV with glue when {@code publish}, else NXDOMAIN. */
    private HostPort dnsServer(boolean publish) throws Exception {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        responder = new Thread(() -> {
            byte[] buffer = new byte[512];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    byte[] answer = answer(new Message(Arrays.copyOf(packet.getData(), packet.getLength())), publish);
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "test-udp-dns");
        responder.setDaemon(true);
        responder.start();
        return new HostPort("127.0.0.1", socket.getLocalPort());
    }

    private static byte[] answer(Message query, boolean publish) throws IOException {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        if (publish && query.getQuestion().getType() == Type.SRV) {
            response.addRecord(new SRVRecord(SRV, DClass.IN, 60, 0, 0, 8853, TARGET), Section.ANSWER);
            response.addRecord(new ARecord(TARGET, DClass.IN, 60, InetAddress.getByName("127.0.0.1")),
                    Section.ADDITIONAL);
        } else {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return response.toWire();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (socket != null) {
            socket.close();
            responder.join(2000);
        }
    }

    @Test
    void findsTheUpdateServiceAndItsAddressFromTheGlue() throws Exception {
        assertEquals(new HostPort("127.0.0.1", 8853), finder.find(SrvServerFinder.SERVICE, "alice.members.test.", dnsServer(true)));
    }

    @Test
    void aZoneWithoutTheSrvRecordTellsTheOperatorToSetTheServer() throws Exception {
        HostPort dns = dnsServer(false);
        SignInException e = assertThrows(SignInException.class, () -> finder.find(SrvServerFinder.SERVICE, "alice.members.test.", dns));
        assertTrue(e.getMessage().contains("no SRV record " + SRV), e.getMessage());
        assertTrue(e.getMessage().contains("set the server address"), e.getMessage());
    }
}
