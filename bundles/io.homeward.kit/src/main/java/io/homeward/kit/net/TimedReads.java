package io.homeward.kit.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * Reads from a TCP connection against one deadline for a whole message, so a client that trickles a byte at a time
 * cannot hold a server's thread longer than the message's time (each read's timeout is what is left of it).
 */
public final class TimedReads {
    private TimedReads() {
    }

    /**
     * Reads all of {@code into} from {@code in}, the stream of {@code socket}, before {@code deadline} (a
     * {@link System#nanoTime()} value).
     *
     * @return false at the end of the stream or at the deadline, with {@code into} partly filled
     * @throws java.net.SocketTimeoutException when a read outlasts what was left of the deadline
     */
    public static boolean readFully(Socket socket, InputStream in, byte[] into, long deadline) throws IOException {
        int read = 0;
        while (read < into.length) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int n = in.read(into, read, into.length - read);
            if (n < 0) {
                return false;
            }
            read += n;
        }
        return true;
    }
}
