package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.pem.Pem;

class ConsoleEndpointTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEndpointTest.class);

    @TempDir
    Path data;

    @Test
    void loopbackAddressesAreTheLoopbackNetworkAndLocalhost() {
        for (String address : List.of("127.0.0.1", "127.5.6.7", "::1", "[::1]", "localhost")) {
            assertTrue(ConsoleEndpoint.isLoopback(address), address);
        }
        for (String address : List.of("0.0.0.0", "::", "192.0.2.1", "10.0.0.1", "2001:db8::1", "no-such-host.invalid")) {
            assertFalse(ConsoleEndpoint.isLoopback(address), address);
        }
    }

    @Test
    void onLoopbackTheConsoleServesPlainHttpAndMakesNoCertificate() {
        ConsoleEndpoint console = ConsoleEndpoint.choose("127.0.0.1", 8080, data, KeytoolCertificate.ofThisJava(), LOG);

        assertTrue(console.tls().isEmpty());
        assertEquals("http://127.0.0.1:8080/system/console", console.url());
        assertEquals("", console.certificateNote());
        Map<String, Object> properties = new HashMap<>();
        console.putJettyProperties(properties, 8080);
        assertEquals(Map.of("org.apache.felix.http.host", "127.0.0.1", "org.osgi.service.http.port", "8080"), properties);
        assertFalse(Files.exists(data.resolve(ConsoleKeystore.DIRECTORY)));
    }

    @Test
    void beyondLoopbackWithoutRendezvousItServesHttpsOnlyWithASelfSignedCertificateKeptOwnerOnly() throws Exception {
        ConsoleEndpoint console = ConsoleEndpoint.choose("192.0.2.7", 8443, data, KeytoolCertificate.ofThisJava(), LOG);

        ConsoleKeystore keystore = console.tls().orElseThrow();
        assertEquals("https://192.0.2.7:8443/system/console", console.url());
        assertEquals(data.resolve("console-tls/self-signed.p12"), keystore.file());
        X509Certificate certificate = certificate(keystore);
        assertEquals(Fingerprints.of(certificate), keystore.fingerprint());
        assertEquals("  (certificate SHA-256 " + keystore.fingerprint() + ")", console.certificateNote());
        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        assertTrue(certificate.getSubjectAlternativeNames().contains(List.of(7, "192.0.2.7")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.file())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("console-tls/keystore-password"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("console-tls"))));

        Map<String, Object> properties = new HashMap<>();
        console.putJettyProperties(properties, 8443);
        assertEquals("false", properties.get("org.apache.felix.http.enable"));
        assertEquals("true", properties.get("org.apache.felix.https.enable"));
        assertEquals("8443", properties.get("org.osgi.service.http.port.secure"));
        assertEquals("PKCS12", properties.get("org.apache.felix.https.keystore.type"));
        assertEquals(keystore.file().toString(), properties.get("org.apache.felix.https.keystore"));
        assertEquals(keystore.password(), properties.get("org.apache.felix.https.keystore.password"));
        assertEquals(keystore.password(), properties.get("org.apache.felix.https.keystore.key.password"));
        assertFalse(properties.containsKey("org.osgi.service.http.port"));
    }

    @Test
    void theSelfSignedCertificateIsReusedOnLaterStarts() {
        String first = ConsoleEndpoint.choose("192.0.2.7", 8443, data, KeytoolCertificate.ofThisJava(), LOG)
                .tls().orElseThrow().fingerprint();
        String second = ConsoleEndpoint.choose("0.0.0.0", 8443, data, KeytoolCertificate.ofThisJava(), LOG)
                .tls().orElseThrow().fingerprint();

        assertEquals(first, second);
    }

    @Test
    void withTheRendezvousIdentityTheConsoleServesItsCertificate() throws Exception {
        X509Certificate rendezvous = writeRendezvousIdentity();

        ConsoleKeystore keystore = ConsoleEndpoint.choose("0.0.0.0", 8443, data, KeytoolCertificate.ofThisJava(), LOG)
                .tls().orElseThrow();

        assertEquals(Fingerprints.of(rendezvous), keystore.fingerprint());
        assertEquals(rendezvous, certificate(keystore));
        assertEquals(data.resolve("console-tls/rendezvous.p12"), keystore.file());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.file())));
    }

    @Test
    void aRenewedRendezvousCertificateIsServedAtTheNextStart() throws Exception {
        writeRendezvousIdentity();
        String before = ConsoleEndpoint.choose("0.0.0.0", 8443, data, KeytoolCertificate.ofThisJava(), LOG)
                .tls().orElseThrow().fingerprint();
        X509Certificate renewed = writeRendezvousIdentity();

        String after = ConsoleEndpoint.choose("0.0.0.0", 8443, data, KeytoolCertificate.ofThisJava(), LOG)
                .tls().orElseThrow().fingerprint();

        assertNotEquals(before, after);
        assertEquals(Fingerprints.of(renewed), after);
    }

    @Test
    void withoutHttpsTheConsoleFallsBackToLoopbackRatherThanPlainHttpOnTheNetwork(@TempDir Path noJava) {
        ConsoleEndpoint console = ConsoleEndpoint.choose("192.0.2.7", 8443, data, new KeytoolCertificate(noJava), LOG);

        assertEquals("127.0.0.1", console.address());
        assertTrue(console.tls().isEmpty());
        assertEquals("http://127.0.0.1:8443/system/console", console.url());
        assertTrue(console.httpsProblem().orElseThrow().startsWith("it cannot serve HTTPS on 192.0.2.7: this Java has"
                + " no keytool"), console.httpsProblem().toString());
        Map<String, Object> properties = new HashMap<>();
        console.putJettyProperties(properties, 8443);
        assertEquals(Map.of("org.apache.felix.http.host", "127.0.0.1", "org.osgi.service.http.port", "8443",
                "homeward.console.httpsProblem", console.httpsProblem().get()), properties);
    }

    @Test
    void aRendezvousKeyFileWithoutAKeyIsAClearError() throws Exception {
        writeRendezvousIdentity();
        Files.writeString(data.resolve("tls/server.key"), "not a key\n");

        IOException e = assertThrows(IOException.class, () -> ConsoleKeystore.prepare(data, "0.0.0.0",
                KeytoolCertificate.ofThisJava()));

        assertTrue(e.getMessage().contains("server.key holds no unencrypted PEM private key"), e.getMessage());
    }

    @Test
    void theSubjectAlternativeNameIsTheAddressOrHostName() {
        assertEquals("ip:192.0.2.7", KeytoolCertificate.subjectAltName("192.0.2.7").orElseThrow());
        assertEquals("ip:2001:db8:0:0:0:0:0:1", KeytoolCertificate.subjectAltName("[2001:db8::1]").orElseThrow());
        assertEquals("dns:console.example", KeytoolCertificate.subjectAltName("console.example").orElseThrow());
        assertTrue(KeytoolCertificate.subjectAltName("0.0.0.0").isEmpty());
        assertTrue(KeytoolCertificate.subjectAltName("::").isEmpty());
    }

    /** A rendezvous identity in DATA/tls as the rendezvous writes it: PEM certificate and PKCS8 key. */
    private X509Certificate writeRendezvousIdentity() throws Exception {
        Path made = Files.createTempDirectory(data, "made");
        Path file = made.resolve("made.p12");
        KeytoolCertificate.ofThisJava().make(file, "password", "rendezvous.example");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, "password".toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(ConsoleKeystore.ALIAS);
        PrivateKey key = (PrivateKey) store.getKey(ConsoleKeystore.ALIAS, "password".toCharArray());
        Files.createDirectories(data.resolve("tls"));
        Files.write(data.resolve("tls/server.crt"), Pem.encodeCertificates(List.of(certificate)));
        Files.write(data.resolve("tls/server.key"), Pem.encodeKey(key));
        return certificate;
    }

    private static X509Certificate certificate(ConsoleKeystore keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore.file())) {
            store.load(in, keystore.password().toCharArray());
        }
        assertTrue(store.isKeyEntry(ConsoleKeystore.ALIAS));
        return (X509Certificate) store.getCertificate(ConsoleKeystore.ALIAS);
    }
}
