package io.homeward.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;

/**
 * Where and how the web console is served. On a loopback address (127.0.0.0/8, ::1, localhost) plain HTTP, which
 * only this machine can reach; on any other address HTTPS only ({@link ConsoleKeystore}), since the console's
 * password and pages would otherwise cross the network readable. When HTTPS cannot be set up the console is not
 * served beyond loopback in plain HTTP: it falls back to 127.0.0.1, said in the log and on the terminal, and the
 * runtime's other services go on.
 *
 * @param address the address the console listens on
 * @param port    its port
 * @param tls          the keystore it serves HTTPS with; empty for plain HTTP on loopback
 * @param httpsProblem why HTTPS could not be set up on the address asked for, when the console fell back to loopback
 */
record ConsoleEndpoint(String address, int port, Optional<ConsoleKeystore> tls, Optional<String> httpsProblem) {
    static final String FALLBACK_ADDRESS = "127.0.0.1";
    /** The framework property that tells the console's overview page why it fell back to loopback. */
    static final String HTTPS_PROBLEM_PROPERTY = "homeward.console.httpsProblem";

    static ConsoleEndpoint choose(String address, int port, Path data, KeytoolCertificate keytool, Logger log) {
        if (isLoopback(address)) {
            return new ConsoleEndpoint(address, port, Optional.empty(), Optional.empty());
        }
        try {
            ConsoleKeystore keystore = ConsoleKeystore.prepare(data, address, keytool);
            log.info("The web console on {} serves HTTPS only, with {} (SHA-256 {})", address, keystore.origin(),
                    keystore.fingerprint());
            return new ConsoleEndpoint(address, port, Optional.of(keystore), Optional.empty());
        } catch (IOException e) {
            log.warn("The web console cannot serve HTTPS on {} ({}), and is not served there in plain HTTP: it listens"
                    + " on {} only", address, e.getMessage(), FALLBACK_ADDRESS, e);
            return new ConsoleEndpoint(FALLBACK_ADDRESS, port, Optional.empty(),
                    Optional.of("it cannot serve HTTPS on " + address + ": " + e.getMessage()));
        }
    }

    /** Loopback by name or literal; any other host name is looked up, and one that does not resolve is not loopback. */
    static boolean isLoopback(String address) {
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Felix HTTP Jetty's settings (its JettyConfig keys) for this endpoint; {@code port} 0 takes a free one. */
    void putJettyProperties(Map<String, Object> properties, int port) {
        properties.put("org.apache.felix.http.host", address);
        httpsProblem.ifPresent(problem -> properties.put(HTTPS_PROBLEM_PROPERTY, problem));
        if (tls.isEmpty()) {
            properties.put("org.osgi.service.http.port", Integer.toString(port));
            return;
        }
        ConsoleKeystore keystore = tls.get();
        properties.put("org.apache.felix.http.enable", "false");
        properties.put("org.apache.felix.https.enable", "true");
        properties.put("org.osgi.service.http.port.secure", Integer.toString(port));
        properties.put("org.apache.felix.https.keystore", keystore.file().toString());
        properties.put("org.apache.felix.https.keystore.type", ConsoleKeystore.TYPE);
        properties.put("org.apache.felix.https.keystore.password", keystore.password());
        properties.put("org.apache.felix.https.keystore.key.password", keystore.password());
    }

    String url() {
        String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return (tls.isPresent() ? "https" : "http") + "://" + host + ":" + port + "/system/console";
    }

    /** What the terminal says after the URL: the certificate's fingerprint to check the browser's warning against. */
    String certificateNote() {
        return tls.map(keystore -> "  (certificate SHA-256 " + keystore.fingerprint() + ")").orElse("");
    }
}
