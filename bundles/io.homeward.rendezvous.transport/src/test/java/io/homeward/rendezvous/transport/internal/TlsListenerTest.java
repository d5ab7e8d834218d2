package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.dns.DnsTransport;

class TlsListenerTest {
    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void answersPipelinedQueriesOverTls(String protocol) throws Exception {
        Set<DnsTransport> transports = new HashSet<>();
        try (ListenerHarness server = new ListenerHarness(data, (message, responder) -> {
            synchronized (transports) {
                transports.add(responder.transport());
            }
            responder.send(message);
        }, ListenerHarness.stream(4, 10_000, 1 << 20));
                SSLSocket socket = TlsClients.connect(server.identity.leaf(), server.status().tlsPort(), protocol)) {
            assertEquals(protocol, socket.getSession().getProtocol());
            byte[][] queries = {Messages.query(1, 12), Messages.query(2, 5000), Messages.query(3, 65535)};
            Messages.write(socket.getOutputStream(), queries);
            InputStream in = socket.getInputStream();
            Set<Integer> ids = new HashSet<>();
            for (int i = 0; i < queries.length; i++) {
                byte[] answer = Messages.read(in);
                ids.add(Messages.id(answer));
                assertArrayEquals(queries[Messages.id(answer) - 1], answer);
            }
            assertEquals(Set.of(1, 2, 3), ids);
            synchronized (transports) {
                assertEquals(Set.of(DnsTransport.TLS), transports);
            }
        }
    }

    @Test
    void aClientTrustingAnotherCertificateFailsTheHandshake() throws Exception {
        TlsIdentity other = SelfSignedCertificate.create("other.example", java.time.Clock.systemUTC(), new java.security.SecureRandom());
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(4, 10_000, 65536))) {
            assertThrows(SSLHandshakeException.class,
                    () -> TlsClients.connect(other.leaf(), server.status().tlsPort(), "TLSv1.3").close());
        }
    }

    @Test
    void aPlainDnsClientOnTheTlsPortIsDisconnected() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(4, 10_000, 65536));
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.status().tlsPort())) {
            socket.setSoTimeout(10_000);
            Messages.write(socket.getOutputStream(), Messages.query(1, 12));
            Await.until("the server drops the connection", () -> server.closed.size() == 1);
            assertTrue(endsWithin(socket.getInputStream(), 1000), "at most a TLS alert arrives before the end");
        }
    }

    private static boolean endsWithin(InputStream in, int limit) {
        try {
            for (int i = 0; i < limit; i++) {
                if (in.read() < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void closesAnIdleTlsConnection() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(4, 1000, 65536));
                SSLSocket socket = TlsClients.connect(server.identity.leaf(), server.status().tlsPort(), "TLSv1.3")) {
            Await.until("the idle connection is closed", () -> server.closed.size() == 1);
            assertEquals(0, server.status().tlsConnections());
        }
    }
}
