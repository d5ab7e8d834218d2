package io.homeward.itests.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.homeward.api.kerberos.KdcStatus;
import io.homeward.kerberos.internal.client.ClientExchanges;
import io.homeward.kerberos.internal.kdc.KdcEngine;
import io.homeward.kerberos.internal.kdc.TicketPolicy;
import io.homeward.kerberos.internal.net.FrontDoorSettings;
import io.homeward.kerberos.internal.net.KdcFrontDoor;
import io.homeward.kerberos.internal.pkinit.ClientPrincipalMapping;
import io.homeward.kerberos.internal.pkinit.PkinitKdc;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;

/**
 * Homeward's KDC for itests/bench/kdc.sh: the account CA and the certificates of {@code home} (the KDC's) and
 * {@code laptop} (the client's) made and written as PEM into DIR — for MIT's {@code krb5kdc} and the load generator
 * ({@link KdcLoad}) too — then the KDC's engine with its defaults (10-hour tickets, PKINIT with the account CA as the
 * only anchor) but a replay cache of REPLAY_CAPACITY authenticators, behind its real front door (UDP and TCP, 32
 * connections, the 15 s idle time) on 127.0.0.1:PORT, answering loopback sources, logging a line per request to
 * DIR/homeward-kdc.log as MIT logs to its kdc.log. The default cache (910,000 within the 300 s skew) holds 3,000 TGS
 * requests a second sustained (docs/kerberos.md "Replay cache"). Prints "listening" when it answers and its counters when stdin ends, then stops.
 * Usage: KdcBench DIR PORT REPLAY_CAPACITY
 */
public final class KdcBench {
    private KdcBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int replayCapacity = Integer.parseInt(args[2]);
        Instant now = Instant.now();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        TestAccountCa ca = TestAccountCa.create("members.example", now);
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, now);
        TestAccountCa.Host laptop = ca.host("laptop", TestAccountCa.ZONE, now);
        Files.writeString(dir.resolve("ca.pem"), TestAccountCa.pem(ca.certificate));
        Files.writeString(dir.resolve("home.pem"), TestAccountCa.pem(home.certificate()));
        Files.writeString(dir.resolve("home.key"), TestAccountCa.pem(home.keys().getPrivate()));
        Files.writeString(dir.resolve("laptop.pem"), TestAccountCa.pem(laptop.certificate()));
        Files.writeString(dir.resolve("laptop.key"), TestAccountCa.pem(laptop.keys().getPrivate()));

        String realm = ClientExchanges.REALM;
        PrincipalKeyStore store = PrincipalKeyStore.open(dir.resolve("homeward-keys"), realm, random, clock);
        store.register(List.of("HTTP", ClientExchanges.HOST));
        ClientPrincipalMapping mapping = new ClientPrincipalMapping(TestAccountCa.ZONE, realm);
        KdcCounters counters = new KdcCounters();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("homeward-kdc.log"),
                StandardCharsets.UTF_8), true)) {
            FileLog log = new FileLog(out);
            KdcEngine engine = new KdcEngine(store, mapping.user(), new PkinitKdc(home.credential(),
                    Set.of(new TrustAnchor(ca.certificate, null)), certificate -> false, mapping, clock, random),
                    new ReplayCache(clock, ReplayCache.DEFAULT_SKEW, replayCapacity, log.logger()),
                    TicketPolicy.DEFAULTS, counters, clock, random, log.logger());
            FrontDoorSettings defaults = FrontDoorSettings.DEFAULTS;
            FrontDoorSettings settings = new FrontDoorSettings(port, defaults.maxMessageBytes(),
                    defaults.maxUdpReplyBytes(), defaults.maxConnections(), defaults.idleTimeout());
            try (KdcFrontDoor frontDoor = KdcFrontDoor.open(List.of(InetAddress.getLoopbackAddress()), settings,
                    engine, InetAddress::isLoopbackAddress, counters, log.logger(), clock)) {
                System.out.println("listening on 127.0.0.1:" + port + " (realm " + realm + ")");
                CountDownLatch stdinEnds = new CountDownLatch(1);
                Thread reader = new Thread(() -> {
                    try {
                        System.in.transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        System.err.println("kdc-bench: stdin: " + e.getMessage());
                    }
                    stdinEnds.countDown();
                }, "stdin");
                reader.setDaemon(true);
                reader.start();
                stdinEnds.await();
                KdcStatus status = counters.status(realm, frontDoor.listening(), store.principals());
                KdcCounters.FrontDoorCounts door = counters.frontDoor();
                System.out.printf("homeward kdc: %d requests (%d tcp, %d udp), %d AS and %d TGS tickets issued,"
                        + " errors by code %s, %d handler failures, %d dropped, %d log warnings%n",
                        status.requests(), door.tcpRequests(), door.udpRequests(), status.asIssued(),
                        status.tgsIssued(), status.errorsByCode(), door.handlerFailures(), door.dropped(),
                        log.warnings());
            }
        }
    }
}
