package io.homeward.kerberos.internal.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import io.homeward.kerberos.internal.wire.KerberosFormatException;
import io.homeward.kerberos.internal.wire.TcpFraming;

/**
 * One TCP connection per request to the KDC at the host's ULA (RFC 4120 §7.2.2: each message preceded by its length
 * in four octets). TCP, not UDP: a PKINIT AS-REQ does not fit a datagram. The connection, the request and the answer
 * all have to be done within the timeout; an answer longer than 64 KiB is refused unread.
 */
final class TcpKdcTransport implements KdcTransport {
    private final KdcAddresses addresses;
    private final int port;
    private final Duration timeout;

    TcpKdcTransport(KdcAddresses addresses, int port, Duration timeout) {
        this.addresses = addresses;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public byte[] exchange(String host, byte[] request) throws IOException {
        InetAddress address = addresses.kdcOf(host);
        InetSocketAddress kdc = new InetSocketAddress(address, port);
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(kdc, millis);
            OutputStream out = socket.getOutputStream();
            out.write(TcpFraming.frame(request));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] prefix = new byte[TcpFraming.PREFIX_LENGTH];
            socket.setSoTimeout(remaining(deadline, kdc));
            in.readFully(prefix);
            byte[] answer = new byte[TcpFraming.messageLength(prefix, 0)];
            socket.setSoTimeout(remaining(deadline, kdc));
            in.readFully(answer);
            return answer;
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("the KDC at " + kdc + " did not answer within " + timeout.toMillis()
                    + " ms");
        } catch (KerberosFormatException e) {
            throw new IOException("the KDC at " + kdc + " sent " + e.getMessage());
        } catch (IOException e) {
            throw new IOException("the KDC at " + kdc + ": " + e.getMessage(), e);
        }
    }

    private static int remaining(long deadline, InetSocketAddress kdc) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("out of time for " + kdc);
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }
}
