package io.homeward.kerberos.internal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.homeward.kerberos.internal.pkinit.TestAccountCa;

/**
 * A throw-away MIT {@code krb5kdc} on 127.0.0.1 (UDP and TCP, a free port) with PKINIT: the KDC's identity is a host
 * certificate of the account CA, the CA is the anchor, and the user {@code alice} (pre-authentication required, no
 * key) is matched by the subject of the laptop's certificate. The host certificate's id-pkinit-san names the host's
 * own KDC, not the user, so the SAN mapping is off. Every file is in {@code work}; {@link #close} stops it.
 */
public final class MitKdc implements AutoCloseable {
    private final Path work;
    private final int port;
    private final Process process;

    private MitKdc(Path work, int port, Process process) {
        this.work = work;
        this.port = port;
        this.process = process;
    }

    /**
     * @param realmSettings more lines for the realm's section of kdc.conf ({@code max_life = 10h})
     * @param kadmin        more {@code kadmin.local} queries after alice's ({@code addprinc -randkey HTTP/host})
     */
    public static MitKdc start(Path work, String realm, TestAccountCa ca, TestAccountCa.Host kdcHost,
            List<String> realmSettings, List<String> kadmin) throws Exception {
        Files.writeString(work.resolve("ca.pem"), TestAccountCa.pem(ca.certificate));
        Files.writeString(work.resolve("home.pem"), TestAccountCa.pem(kdcHost.certificate()));
        Files.writeString(work.resolve("home.key"), TestAccountCa.pem(kdcHost.keys().getPrivate()));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(work.resolve("krb5.conf"), String.join("\n", "[libdefaults]", " default_realm = " + realm,
                "[realms]", " " + realm + " = {", "  kdc = 127.0.0.1:" + port, " }", ""));
        List<String> kdcConf = new ArrayList<>(List.of("[kdcdefaults]", " kdc_listen = 127.0.0.1:" + port,
                " kdc_tcp_listen = 127.0.0.1:" + port, "[realms]", " " + realm + " = {",
                "  database_name = " + work.resolve("principal"), "  key_stash_file = " + work.resolve("stash"),
                "  acl_file = " + work.resolve("kadm5.acl")));
        realmSettings.forEach(line -> kdcConf.add("  " + line));
        kdcConf.addAll(List.of("  pkinit_identity = FILE:" + work.resolve("home.pem") + "," + work.resolve("home.key"),
                "  pkinit_anchors = FILE:" + work.resolve("ca.pem"), " }",
                "[plugins]", " certauth = {", "  disable = pkinit_san", " }", "[logging]",
                " kdc = FILE:" + work.resolve("kdc.log"), ""));
        Files.writeString(work.resolve("kdc.conf"), String.join("\n", kdcConf));
        Map<String, String> environment = Map.of("KRB5_CONFIG", work.resolve("krb5.conf").toString(),
                "KRB5_KDC_PROFILE", work.resolve("kdc.conf").toString());
        run(work, environment, "kdb5_util", "create", "-s", "-r", realm, "-P", "master-password-for-a-test");
        List<String> queries = new ArrayList<>(List.of("addprinc -nokey +requires_preauth alice",
                "set_string alice pkinit_cert_match \"<SUBJECT>^CN=laptop.alice.members.example$\""));
        queries.addAll(kadmin);
        for (String query : queries) {
            run(work, environment, "kadmin.local", "-r", realm, "-q", query);
        }
        ProcessBuilder builder = new ProcessBuilder("krb5kdc", "-n", "-r", realm).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("krb5kdc.out").toFile());
        builder.environment().putAll(environment);
        MitKdc kdc = new MitKdc(work, port, builder.start());
        kdc.awaitListening();
        return kdc;
    }

    public int port() {
        return port;
    }

    /** The clients' krb5.conf, naming the realm's KDC. */
    public Path krb5Conf() {
        return work.resolve("krb5.conf");
    }

    /** Stops it; false when it had to be killed because it did not end within 10 s. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        if (process.waitFor(10, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly();
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitListening() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                assertTrue(process.isAlive(), () -> "krb5kdc ended: " + read(work, "krb5kdc.out"));
                Thread.sleep(50);
            }
        }
        throw new AssertionError("krb5kdc does not listen on " + port + ": " + read(work, "krb5kdc.out"));
    }

    private static void run(Path work, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("setup.out").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + read(work, "setup.out"));
    }

    private static String read(Path work, String file) {
        try {
            return Files.readString(work.resolve(file));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }
}
