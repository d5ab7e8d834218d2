package io.homeward.watcher.internal.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

import javax.net.ssl.SSLSocket;

import org.osgi.service.log.Logger;

import io.homeward.kit.dns.DnsOverTls;
import io.homeward.kit.schedule.Scheduler;

/** A TLS connection carrying DNS messages, each preceded by its two-byte length (RFC 7858). */
final class TlsLink implements Link {
    private final SSLSocket socket;
    private final Scheduler logic;
    private final OpenSockets sockets;
    private final Logger log;
    private volatile boolean closed;

    TlsLink(SSLSocket socket, Scheduler logic, OpenSockets sockets, Logger log) {
        this.socket = socket;
        this.logic = logic;
        this.sockets = sockets;
        this.log = log;
    }

    /** Runs on an I/O thread until the connection ends. */
    void readLoop(Receiver receiver) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (!closed) {
                byte[] message = DnsOverTls.read(in);
                logic.execute(() -> receiver.received(message));
            }
        } catch (EOFException e) {
            report(receiver, "the server closed the connection");
        } catch (IOException e) {
            report(receiver, "the connection failed: " + e.getMessage());
        }
    }

    private void report(Receiver receiver, String reason) {
        if (!closed) {
            close();
            logic.execute(() -> receiver.closed(reason));
        }
    }

    @Override
    public void send(byte[] message) {
        try {
            synchronized (socket) {
                DnsOverTls.write(socket.getOutputStream(), message);
            }
        } catch (IOException e) {
            log.info("Sending to {} failed: {}", socket.getRemoteSocketAddress(), e.getMessage());
            sockets.close(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        sockets.close(socket);
    }
}
