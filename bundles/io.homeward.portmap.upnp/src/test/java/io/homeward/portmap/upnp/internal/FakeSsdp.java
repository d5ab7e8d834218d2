package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers M-SEARCH on a loopback port the way a gateway answers on 239.255.255.250:1900. */
final class FakeSsdp implements AutoCloseable {
    private static final int MAX_REQUESTS = 64;

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final DatagramSocket socket;
    private final Thread thread;
    private final String location;
    private final String noise;

    /** @param noise a datagram sent before the real answer, or null */
    FakeSsdp(String location, String noise) throws IOException {
        this.location = location;
        this.noise = noise;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "fake-ssdp");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buffer = new byte[2048];
        try {
            for (int i = 0; i < MAX_REQUESTS; i++) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
                requests.add(request);
                if (!request.contains("InternetGatewayDevice:1")) {
                    continue;
                }
                if (noise != null) {
                    send(noise, packet);
                }
                send("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nEXT:\r\nlocation:" + location
                        + "\r\nSERVER: Fake UPnP/1.1\r\nst:urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n"
                        + "USN: uuid:fake::urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\r\n", packet);
            }
        } catch (SocketException closed) {
            // close() ends the loop
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String text, DatagramPacket to) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, to.getSocketAddress()));
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5000);
    }
}
