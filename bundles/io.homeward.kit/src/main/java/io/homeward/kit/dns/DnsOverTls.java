package io.homeward.kit.dns;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * DNS over TLS (RFC 7858): after the handshake the stream is DNS over TCP, each message preceded by its two-byte
 * length (RFC 1035 §4.2.2). Every connect and read is bounded, so a dead server never holds the caller.
 */
public final class DnsOverTls {
    private DnsOverTls() {
    }

    /** An unconnected socket that trusts only {@code trust}'s pin; the caller may track it before connecting. */
    public static SSLSocket socket(PinnedTrust trust) throws IOException {
        try {
            return (SSLSocket) trust.socketFactory().createSocket();
        } catch (GeneralSecurityException e) {
            throw new IOException("this JVM cannot make TLS connections: " + e.getMessage(), e);
        }
    }

    /**
     * Connects and completes the handshake, reads then time out after {@code timeout}.
     *
     * @throws FingerprintMismatchException when the server presented a certificate other than the pinned one
     */
    public static void handshake(SSLSocket socket, InetSocketAddress server, PinnedTrust trust, Duration timeout)
            throws IOException {
        int millis = (int) timeout.toMillis();
        socket.connect(server, millis);
        socket.setSoTimeout(millis);
        try {
            socket.startHandshake();
        } catch (SSLHandshakeException e) {
            if (trust.mismatched()) {
                FingerprintMismatchException mismatch = new FingerprintMismatchException(trust.seen(), trust.pin());
                mismatch.initCause(e);
                throw mismatch;
            }
            throw e;
        }
    }

    /** One message over a fresh connection; returns the response's wire form. */
    public static byte[] exchange(InetSocketAddress server, PinnedTrust trust, Duration timeout, byte[] message)
            throws IOException {
        try (SSLSocket socket = socket(trust)) {
            handshake(socket, server, trust, timeout);
            write(socket.getOutputStream(), message);
            return read(new DataInputStream(socket.getInputStream()));
        }
    }

    /** Writes the prefix and message in one write, as RFC 7766 §8 advises. */
    public static void write(OutputStream out, byte[] message) throws IOException {
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >>> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        out.write(framed);
        out.flush();
    }

    /** Reads one length-prefixed message. */
    public static byte[] read(DataInputStream in) throws IOException {
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        return message;
    }
}
