package io.homeward.kit.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class DnsOverTlsTest {

    @Test
    void eachMessageIsPrecededByItsTwoByteLength() throws Exception {
        byte[] message = new byte[300];
        message[299] = 7;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DnsOverTls.write(out, message);
        byte[] framed = out.toByteArray();
        assertArrayEquals(new byte[] {1, 44}, new byte[] {framed[0], framed[1]});
        assertArrayEquals(message, DnsOverTls.read(new DataInputStream(new ByteArrayInputStream(framed))));
    }

    @Test
    void aShortStreamIsAnError() {
        assertThrows(EOFException.class,
                () -> DnsOverTls.read(new DataInputStream(new ByteArrayInputStream(new byte[] {0, 5, 1}))));
    }

    @Test
    void aClosedPortIsAnError() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        assertThrows(IOException.class, () -> DnsOverTls.exchange(new InetSocketAddress("127.0.0.1", closed),
                new PinnedTrust(""), Duration.ofSeconds(2), new byte[12]));
    }
}
