package io.homeward.registrar.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.osgi.service.log.Logger;

/** Blocking sockets with a bound on every connect and read, so a dead server never holds the registrar. */
final class SocketNetwork implements Network {
    private static final int MAX_UDP = 65_535;

    private final int timeoutMillis;
    private final Logger log;

    SocketNetwork(Duration timeout, Logger log) {
        this.timeoutMillis = (int) timeout.toMillis();
        this.log = log;
    }

    @Override
    public byte[] queryUdp(InetSocketAddress server, byte[] query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(timeoutMillis);
            socket.send(new DatagramPacket(query, query.length, server));
            DatagramPacket response = new DatagramPacket(new byte[MAX_UDP], MAX_UDP);
            socket.receive(response);
            byte[] wire = new byte[response.getLength()];
            System.arraycopy(response.getData(), response.getOffset(), wire, 0, wire.length);
            return wire;
        }
    }

    /** RFC 7858 §3.3: after the handshake the stream is DNS over TCP, each message prefixed by its length. */
    @Override
    public byte[] exchangeTls(InetSocketAddress server, byte[] message, String pin) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedTrust(pin, log)}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new IOException("this JVM cannot make TLS connections: " + e.getMessage(), e);
        }
        try (Socket plain = new Socket()) {
            plain.connect(server, timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, server.getHostString(), server.getPort(), true)) {
                tls.startHandshake();
                byte[] framed = new byte[message.length + 2];
                framed[0] = (byte) (message.length >>> 8);
                framed[1] = (byte) message.length;
                System.arraycopy(message, 0, framed, 2, message.length);
                OutputStream out = tls.getOutputStream();
                out.write(framed);
                out.flush();
                DataInputStream in = new DataInputStream(tls.getInputStream());
                byte[] response = new byte[in.readUnsignedShort()];
                in.readFully(response);
                return response;
            }
        }
    }
}
