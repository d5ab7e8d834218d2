package io.homeward.rendezvous.transport.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.ServerFixture;

/**
 * Knot DNS as a secondary of a user zone, transferring from the server behind the real listeners: the first copy
 * by AXFR, every later one by IXFR (RFC 1995), which Knot must not have to retry as AXFR. Runs where knotd and
 * knotc are installed (Debian package knot), skipped elsewhere.
 */
class KnotSecondaryTest {
    @TempDir
    Path dir;
    ServerFixture f;
    ListenerSet listeners;
    Path config;
    Path log;
    int knotPort;
    Process knotd;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/knotd"))
                && Files.isExecutable(Path.of("/usr/sbin/knotc")), "knotd and knotc are not installed");
        f = new ServerFixture(dir.resolve("dns"));
        f.clock.set(Instant.now());
        f.addToAlice(ServerFixture.rr("first", Type.A, "203.0.113.1"));
        listeners = ServerListeners.start(f, dir.resolve("tls"));
        knotPort = freePort();
        Path knot = Files.createDirectories(dir.resolve("knot"));
        log = knot.resolve("knot.log");
        config = knot.resolve("knot.conf");
        Files.writeString(config, """
                server:
                    rundir: "%1$s"
                    listen: 127.0.0.1@%2$d
                control:
                    listen: "%1$s/knot.sock"
                log:
                  - target: "%3$s"
                    any: debug
                database:
                    storage: "%1$s"
                key:
                  - id: %4$s
                    algorithm: hmac-sha256
                    secret: %5$s
                remote:
                  - id: homeward
                    address: 127.0.0.1@%6$d
                    key: %4$s
                template:
                  - id: default
                    storage: "%1$s"
                zone:
                  - domain: %4$s
                    master: homeward
                """.formatted(knot, knotPort, log, ALICE, Base64.getEncoder().encodeToString(ServerFixture.secret(1)),
                listeners.status().tcpPort()));
        knotd = new ProcessBuilder("/usr/sbin/knotd", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(knot.resolve("knotd.out").toFile()).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (knotd != null) {
            knotd.destroy();
            knotd.waitFor(10, TimeUnit.SECONDS);
        }
        if (listeners != null) {
            listeners.close();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void knotTakesTheZoneByAxfrThenEveryChangeByIxfrWithoutFallingBack() throws Exception {
        awaitAtKnot("first.alice.members.example.", "203.0.113.1");
        for (int change = 2; change <= 3; change++) {
            f.addToAlice(ServerFixture.rr("host" + change, Type.A, "203.0.113." + change));
            run("/usr/sbin/knotc", "-c", config.toString(), "zone-refresh", ALICE.toString());
            awaitAtKnot("host" + change + ".alice.members.example.", "203.0.113." + change);
        }
        String knotLog = Files.readString(log);
        assertFalse(knotLog.contains("fallback to AXFR"), knotLog);
        assertFalse(knotLog.contains("warning"), knotLog);
        assertEquals(2, knotLog.lines().filter(l -> l.contains("receiving AXFR-style IXFR")).count(),
                "RFC 1995 §4: each change came as an IXFR answered with the whole zone\n" + knotLog);
    }

    private void awaitAtKnot(String name, String address) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (run("dig", "@127.0.0.1", "-p", Integer.toString(knotPort), "+short", "+tries=1", "+time=1", name, "A")
                    .contains(address)) {
                return;
            }
            Thread.sleep(200);
        }
        fail(name + " did not reach Knot within 20 s:\n" + Files.readString(log));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 30 s");
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** A port free for both TCP and UDP on loopback. */
    private static int freePort() throws IOException {
        for (;;) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // the UDP port is in use: try another
            }
        }
    }
}
