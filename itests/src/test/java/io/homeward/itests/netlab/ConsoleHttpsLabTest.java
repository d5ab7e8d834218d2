package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console bound to an address other than loopback serves HTTPS only: in a network namespace of its own with
 * one veth address (the console must face a network, not loopback), an agent's console answers with its self-signed
 * certificate, the same after a restart, and a rendezvous' console with the rendezvous' certificate from DATA/tls.
 * Checked from inside the namespace: plain HTTP gets no page, the served certificate is the fingerprint the terminal
 * printed, and the login works over HTTPS. Without HTTPS (a broken DATA/tls) the console listens on loopback only
 * and says why, on the terminal and on its overview.
 */
class ConsoleHttpsLabTest {
    private static final String NAMESPACE = "hw-console-tls";
    private static final String ADDRESS = "10.99.9.1";
    private static final int PORT = 8080;
    private static final String ORIGIN = "https://" + ADDRESS + ":" + PORT;

    @TempDir
    Path work;

    @BeforeAll
    static void namespace() throws Exception {
        NetLab.requireLab();
        removeNamespace();
        for (List<String> command : List.of(List.of("ip", "netns", "add", NAMESPACE),
                List.of("ip", "-n", NAMESPACE, "link", "set", "lo", "up"),
                List.of("ip", "-n", NAMESPACE, "link", "add", "hw-ctls-a", "type", "veth", "peer", "name", "hw-ctls-b"),
                List.of("ip", "-n", NAMESPACE, "addr", "add", ADDRESS + "/24", "dev", "hw-ctls-a"),
                List.of("ip", "-n", NAMESPACE, "link", "set", "hw-ctls-a", "up"),
                List.of("ip", "-n", NAMESPACE, "link", "set", "hw-ctls-b", "up"))) {
            NetLab.Result r = NetLab.run(command);
            assertEquals(0, r.exit(), String.join(" ", command) + ": " + r.out());
        }
    }

    @AfterAll
    static void removeNamespace() throws Exception {
        NetLab.run(List.of("ip", "netns", "del", NAMESPACE));
    }

    @Test
    void anAgentConsoleServesHttpsOnlyWithItsOwnCertificateKeptAcrossRestarts() throws Exception {
        Path data = work.resolve("agent");
        String printed;
        try (NamespacedAgent agent = serve("agent", data)) {
            printed = printedFingerprint(agent);
            assertEquals(printed, servedFingerprint());
            NetLab.Result plain = NetLab.in(NAMESPACE, "curl", "-sS", "--max-time", "5", "-o", "/dev/null", "-w",
                    "%{http_code}", "http://" + ADDRESS + ":" + PORT + "/system/console");
            assertNotEquals(0, plain.exit(), "plain HTTP got an answer: " + plain.out());
            NetLab.Result loopback = NetLab.in(NAMESPACE, "curl", "-sS", "--max-time", "5", "-o", "/dev/null",
                    "http://127.0.0.1:" + PORT + "/system/console");
            assertEquals(7, loopback.exit(), "nothing listens on loopback: " + loopback.out());
            NetLab.Result anonymous = NetLab.in(NAMESPACE, "curl", "-sk", "--max-time", "5", "-o", "/dev/null", "-w",
                    "%{http_code}", ORIGIN + "/system/console/homeward-overview");
            assertEquals("401", anonymous.out(), "the console asks for the login over HTTPS");
            String overview = new LabConsole(NAMESPACE, ORIGIN, data, Files.createDirectory(work.resolve("curl")))
                    .get("/homeward-overview");
            assertTrue(overview.contains("Homeward"), overview);
            PortMappingLabTest.assertStoppedBySigterm(agent.stop(30));
        }
        try (NamespacedAgent again = serve("agent", data)) {
            assertEquals(printed, printedFingerprint(again), "the self-signed certificate is kept");
            assertEquals(printed, servedFingerprint());
            PortMappingLabTest.assertStoppedBySigterm(again.stop(30));
        }
    }

    @Test
    void aRendezvousConsoleServesTheRendezvousCertificate() throws Exception {
        Path data = work.resolve("rendezvous");
        try (NamespacedAgent first = serve("rendezvous", data)) {
            first.awaitLine("Web console: https://", 90);
            PortMappingLabTest.assertStoppedBySigterm(first.stop(30));
        }
        try (NamespacedAgent rendezvous = serve("rendezvous", data)) {
            String expected = fingerprint(data.resolve("tls/server.crt"));
            assertEquals(expected, printedFingerprint(rendezvous));
            assertEquals(expected, servedFingerprint());
            PortMappingLabTest.assertStoppedBySigterm(rendezvous.stop(30));
        }
    }

    @Test
    void withoutHttpsTheConsoleListensOnLoopbackOnlyAndSaysWhy() throws Exception {
        Path data = work.resolve("broken");
        Files.createDirectories(data.resolve("tls"));
        Files.writeString(data.resolve("tls/server.crt"), "not a certificate\n");
        Files.writeString(data.resolve("tls/server.key"), "not a key\n");
        try (NamespacedAgent agent = serve("agent", data)) {
            agent.awaitLine("Web console: http://127.0.0.1:" + PORT + "/system/console  user: admin", 90);
            String stderr = Files.readString(data.resolveSibling("broken.stderr"));
            assertTrue(stderr.contains("homeward: the web console listens on 127.0.0.1 only, never beyond loopback in"
                    + " plain HTTP: it cannot serve HTTPS on " + ADDRESS + ": "), stderr);
            NetLab.Result network = NetLab.in(NAMESPACE, "curl", "-sS", "--max-time", "5", "-o", "/dev/null",
                    "http://" + ADDRESS + ":" + PORT + "/system/console");
            assertEquals(7, network.exit(), "nothing listens on " + ADDRESS + ": " + network.out());
            String overview = new LabConsole(NAMESPACE, PORT, data, Files.createDirectory(work.resolve("curl")))
                    .get("/homeward-overview");
            assertTrue(overview.contains("never beyond loopback in plain HTTP: it cannot serve HTTPS on " + ADDRESS),
                    overview);
            PortMappingLabTest.assertStoppedBySigterm(agent.stop(30));
        }
    }

    private static NamespacedAgent serve(String feature, Path data) throws Exception {
        return NamespacedAgent.serve(feature, NAMESPACE, data, null, PORT, List.of("--console-address", ADDRESS));
    }

    /** The fingerprint in the launcher's "Web console: https://..." line. */
    private static String printedFingerprint(NamespacedAgent runtime) throws InterruptedException {
        String line = runtime.awaitLine("Web console:", 90);
        String prefix = "Web console: " + ORIGIN + "/system/console  (certificate SHA-256 ";
        assertTrue(line.startsWith(prefix), line);
        return line.substring(prefix.length(), line.indexOf(')', prefix.length()));
    }

    /** The SHA-256 fingerprint of the certificate the console presents, as openssl sees it. */
    private static String servedFingerprint() throws Exception {
        NetLab.Result r = NetLab.in(NAMESPACE, "sh", "-c", "openssl s_client -connect " + ADDRESS + ":" + PORT
                + " </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256");
        assertEquals(0, r.exit(), r.out());
        String out = r.out().strip();
        return out.substring(out.indexOf('=') + 1);
    }

    private static String fingerprint(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        }
    }
}
