package io.homeward.rendezvous.transport.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

import io.homeward.kit.dns.PushBinding;
import io.homeward.kit.dns.wire.DsoMessage;

/** A small DNS Push client for tests: length-prefixed messages on a TLS (or plain TCP) socket. */
final class DsoTestClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private DsoTestClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static DsoTestClient tls(X509Certificate trusted, int port) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", trusted);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.startHandshake();
        return new DsoTestClient(socket);
    }

    static DsoTestClient tcp(int port) throws IOException {
        return new DsoTestClient(new Socket("127.0.0.1", port));
    }

    void send(byte[] message) throws IOException {
        out.write(ByteBuffer.allocate(2 + message.length).putShort((short) message.length).put(message).array());
        out.flush();
    }

    byte[] read() throws IOException {
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        return message;
    }

    DsoMessage readDso() throws IOException {
        return DsoMessage.parse(read());
    }

    /**
     * The agreed authorization: an SOA query with a client cookie gets this connection's server cookie (RFC 7873),
     * then a TSIG-signed SOA query for the zone carrying both cookies; returns the verified answer.
     */
    Message bind(Name zone, TSIG key) throws IOException {
        byte[] clientCookie = {8, 7, 6, 5, 4, 3, 2, 1};
        send(PushBinding.challenge(zone, clientCookie).toWire());
        Message query = PushBinding.proof(zone, clientCookie, PushBinding.serverCookie(new Message(read()), clientCookie));
        key.apply(query, null);
        send(query.toWire());
        byte[] wire = read();
        Message answer = new Message(wire);
        if (key.verify(answer, wire, query.getTSIG()) != 0) {
            throw new AssertionError("the SOA answer is not signed with the zone's key");
        }
        return answer;
    }

    DsoMessage request(int id, DsoMessage.Tlv primary) throws IOException {
        send(DsoMessage.request(id, primary).toWire());
        return readDso();
    }

    /** True once the server has closed the connection (end of stream or reset); false if it stays open 10 s. */
    boolean closedByServer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
