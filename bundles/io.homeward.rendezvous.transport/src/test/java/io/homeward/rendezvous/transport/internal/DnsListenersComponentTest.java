package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.dns.DnsResponder;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.dns.Fingerprints;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestBundleContext;

class DnsListenersComponentTest {
    @TempDir
    Path data;

    private final RecordingLogger log = new RecordingLogger();

    private DnsListenersComponent start(Map<String, Object> values) throws Exception {
        return new DnsListenersComponent(ListenerHarness.echo(), log.logger(),
                new TestBundleContext(Map.of(DataDirectory.PROPERTY, data.toString()), data.resolve("bundle-storage"))
                        .context(), Configs.config(values));
    }

    private static Map<String, Object> ephemeral() {
        return Map.of("port", 0, "tlsPort", 0);
    }

    @Test
    void keepsItsSelfSignedCertificateAcrossRestartsAndLogsTheFingerprint() throws Exception {
        DnsListenersComponent first = start(ephemeral());
        String fingerprint = first.status().tlsFingerprint();
        first.deactivate();
        DnsListenersComponent second = start(ephemeral());
        try {
            assertEquals(fingerprint, second.status().tlsFingerprint());
            assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
            assertEquals(2, log.count(LogLevel.INFO, fingerprint), "logged at every start");
            assertEquals(1, log.count(LogLevel.INFO, "made a self-signed TLS certificate"));
            Path key = data.resolve("tls").resolve(TlsIdentityStore.KEY_FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            try (Socket socket = TlsClients.connect(TlsIdentityFiles.read(data.resolve("tls").resolve(TlsIdentityStore.CERTIFICATE_FILE), key)
                    .leaf(), second.status().tlsPort(), "TLSv1.3")) {
                byte[] query = Messages.query(3, 20);
                Messages.write(socket.getOutputStream(), query);
                assertArrayEquals(query, Messages.read(socket.getInputStream()));
            }
        } finally {
            second.deactivate();
        }
    }

    @Test
    void offersTheListenersIdentityAsTheRendezvousTlsIdentity() throws Exception {
        DnsListenersComponent listeners = start(ephemeral());
        try {
            assertEquals(listeners.status().tlsFingerprint(), listeners.fingerprint());
            assertEquals(listeners.fingerprint(), Fingerprints.of(listeners.certificate()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(listeners.keyManagers(), null, null);
            try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 1,
                    InetAddress.getLoopbackAddress())) {
                Thread accept = new Thread(() -> {
                    try (SSLSocket accepted = (SSLSocket) server.accept()) {
                        accepted.startHandshake();
                    } catch (IOException e) {
                        // the client side below reports a failed handshake
                    }
                });
                accept.start();
                try (Socket socket = TlsClients.connect(listeners.certificate(), server.getLocalPort(), "TLSv1.3")) {
                    assertEquals(listeners.certificate(),
                            ((SSLSocket) socket).getSession().getPeerCertificates()[0]);
                }
                accept.join(5000);
            }
        } finally {
            listeners.deactivate();
        }
    }

    @Test
    void usesTheOperatorsCertificateWhenConfigured() throws Exception {
        TlsIdentity own = SelfSignedCertificate.create("dns.example.net", java.time.Clock.systemUTC(), new java.security.SecureRandom());
        Path cert = data.resolve("own.crt");
        Path key = data.resolve("own.key");
        TlsIdentityFiles.write(own, cert, key);
        DnsListenersComponent listeners = start(Map.of("port", 0, "tlsPort", 0, "tlsCertificatePath", cert.toString(),
                "tlsKeyPath", key.toString()));
        try {
            assertEquals(own.fingerprint(), listeners.status().tlsFingerprint());
            assertEquals(own.fingerprint(), listeners.tlsFingerprint(), "the operators' status service pins the same");
            assertEquals(List.of("udp", "tcp", "tls"),
                    listeners.listeners().stream().map(l -> l.transport().text()).toList());
            assertEquals("127.0.0.1:" + listeners.status().tlsPort(), listeners.listeners().get(2).address());
            assertFalse(Files.exists(data.resolve("tls")), "no self-signed certificate is made");
        } finally {
            listeners.deactivate();
        }
    }

    @Test
    void aMissingCertificateFileIsNamedInTheError() {
        Path missing = data.resolve("nowhere.crt");
        IOException e = assertThrows(IOException.class, () -> start(Map.of("port", 0, "tlsPort", 0,
                "tlsCertificatePath", missing.toString(), "tlsKeyPath", data.resolve("nowhere.key").toString())));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(1, log.count(LogLevel.ERROR, missing.toString()));
    }

    @Test
    void withoutTheDataDirectoryPropertyKeepsTheCertificateInTheBundleStorageAndSaysSo(@TempDir Path storage)
            throws Exception {
        DnsListenersComponent listeners = new DnsListenersComponent(ListenerHarness.echo(), log.logger(),
                new TestBundleContext(Map.of(), storage).context(), Configs.config(ephemeral()));
        listeners.deactivate();
        assertTrue(Files.exists(storage.resolve("tls").resolve(TlsIdentityStore.CERTIFICATE_FILE)));
        assertEquals(1, log.count(LogLevel.WARN, DataDirectory.PROPERTY), log::toString);
    }

    @Test
    void aPortInUseIsNamedAndNothingStaysOpen() throws Exception {
        int freePort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IOException e = assertThrows(IOException.class, () -> start(Map.of("port", freePort, "tlsPort", taken.getLocalPort())));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
            assertEquals(1, log.count(LogLevel.ERROR, "port " + taken.getLocalPort()));
        }
        try (DatagramSocket udp = new DatagramSocket(freePort, InetAddress.getLoopbackAddress());
                ServerSocket tcp = new ServerSocket(freePort, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(freePort, udp.getLocalPort(), "the UDP and TCP listeners opened before the failure were closed");
            assertEquals(freePort, tcp.getLocalPort());
        }
    }

    @Test
    void tellsConnectionListenersWhenAStreamCloses() throws Exception {
        DnsListenersComponent listeners = start(ephemeral());
        List<DnsResponder> closed = new CopyOnWriteArrayList<>();
        listeners.addConnectionListener(closed::add);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listeners.status().tcpPort())) {
            byte[] query = Messages.query(1, 12);
            Messages.write(socket.getOutputStream(), query);
            assertArrayEquals(query, Messages.read(socket.getInputStream()));
        } finally {
            Await.until("the listener hears of the close", () -> closed.size() == 1);
            listeners.deactivate();
        }
        assertNotEquals(0, listeners.status().udpPort());
    }

    @Test
    void refusesAServerNameThatCannotBeInACertificate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(Map.of("port", 0, "tlsPort", 0, "serverName", "ns..example")));
        assertTrue(e.getMessage().contains("serverName 'ns..example'"), e.getMessage());
        assertFalse(Files.exists(data.resolve("tls")));
    }

    @Test
    void refusesNonsenseLimitsWithTheSettingsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(Map.of("port", 0, "tlsPort", 0, "workerThreads", 0)));
        assertTrue(e.getMessage().contains("workerThreads"), e.getMessage());
    }

    @Test
    void refusesNonsenseSlowlorisLimitsWithTheSettingsName() {
        for (Map.Entry<String, Integer> bad : List.of(Map.entry("maxConnectionsPerNetwork", 0),
                Map.entry("messageDeadlineSeconds", -1), Map.entry("unauthenticatedConnectionsPercent", 0),
                Map.entry("unauthenticatedConnectionsPercent", 101))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> start(Map.of("port", 0, "tlsPort", 0, bad.getKey(), bad.getValue())));
            assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
        }
    }

    @Test
    void theUnauthenticatedShareIsAPercentageOfTheTotal() throws Exception {
        StreamSettings stream = DnsListenersComponent.settings(Configs.config(Map.of("maxConnections", 1000,
                "unauthenticatedConnectionsPercent", 75, "messageDeadlineSeconds", 7))).stream();
        assertEquals(750, stream.maxUnauthenticated());
        assertEquals(7000, stream.messageDeadlineMillis());
        assertEquals(StreamSettings.DEFAULT_PER_NETWORK, stream.maxPerNetwork());
    }
}
