package io.homeward.kit.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TimedReadsTest {
    @Test
    void aMessageInPiecesIsReadWhole() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            OutputStream out = client.getOutputStream();
            out.write(new byte[] {1, 2});
            out.flush();
            out.write(new byte[] {3});
            out.flush();
            byte[] into = new byte[3];
            assertTrue(TimedReads.readFully(accepted, accepted.getInputStream(), into, deadlineIn(5_000)));
            assertArrayEquals(new byte[] {1, 2, 3}, into);
        }
    }

    @Test
    void theEndOfTheStreamOrAPassedDeadlineIsFalse() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            assertFalse(TimedReads.readFully(accepted, accepted.getInputStream(), new byte[1], deadlineIn(-1)));
            client.getOutputStream().write(7);
            client.close();
            assertFalse(TimedReads.readFully(accepted, accepted.getInputStream(), new byte[2], deadlineIn(5_000)));
        }
    }

    @Test
    void aSilentClientTimesOutWithTheDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            assertThrows(SocketTimeoutException.class,
                    () -> TimedReads.readFully(accepted, accepted.getInputStream(), new byte[1], deadlineIn(50)));
        }
    }

    private static long deadlineIn(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
