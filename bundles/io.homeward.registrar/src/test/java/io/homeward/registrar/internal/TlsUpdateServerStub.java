package io.homeward.registrar.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLServerSocket;

import io.homeward.testkit.SelfSignedTls;

/**
 * An in-process DNS-over-TLS server on loopback that records each UPDATE it receives and answers with
 * {@link Answers#granted}. It serves a bounded number of connections, each with a read timeout.
 */
final class TlsUpdateServerStub implements AutoCloseable {
    interface Responder {
        byte[] answer(byte[] request) throws IOException;
    }

    final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final SSLServerSocket server;
    private final Thread thread;

    TlsUpdateServerStub(SelfSignedTls tls, Responder responder, int connections) throws IOException {
        server = (SSLServerSocket) tls.serverContext().getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
        server.setSoTimeout(10_000);
        thread = new Thread(() -> serve(responder, connections), "tls-update-stub");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void serve(Responder responder, int connections) {
        for (int i = 0; i < connections && !server.isClosed(); i++) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(client.getInputStream());
                byte[] request = new byte[in.readUnsignedShort()];
                in.readFully(request);
                received.add(request);
                byte[] answer = responder.answer(request);
                OutputStream out = client.getOutputStream();
                out.write(new byte[] {(byte) (answer.length >>> 8), (byte) answer.length});
                out.write(answer);
                out.flush();
            } catch (IOException e) {
                // A client that rejected our certificate ends its connection here; serve the next one.
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(5_000);
    }
}
