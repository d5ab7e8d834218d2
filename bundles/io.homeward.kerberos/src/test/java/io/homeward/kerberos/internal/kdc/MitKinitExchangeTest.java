package io.homeward.kerberos.internal.kdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kerberos.internal.net.FrontDoorSettings;
import io.homeward.kerberos.internal.net.KdcFrontDoor;
import io.homeward.kerberos.internal.pkinit.ClientPrincipalMapping;
import io.homeward.kerberos.internal.pkinit.PkinitKdc;
import io.homeward.kerberos.internal.pkinit.TestAccountCa;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;
import io.homeward.kerberos.internal.testing.MitTools;
import io.homeward.testkit.RecordingLogger;

/**
 * MIT's {@code kinit}, {@code klist} and {@code kvno} 1.20 against this KDC on loopback (where krb5-user and
 * krb5-pkinit are installed): kinit gets a
 * TGT with the laptop's certificate (PKINIT, DH group 14), klist shows its 10 hours, kvno gets a service ticket; a
 * certificate of another CA gets KRB-ERROR 70, which MIT reports as its com_err code (the error plus -1765328384).
 */
class MitKinitExchangeTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";

    @TempDir
    Path directory;

    @Test
    void mitsToolsGetATgtAndAServiceTicket() throws Exception {
        MitTools.assumeInstalled(MitTools.KINIT, MitTools.KLIST, MitTools.KVNO, MitTools.PKINIT);
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        RecordingLogger log = new RecordingLogger();
        TestAccountCa ca = TestAccountCa.create("members.example", Instant.now());
        TestAccountCa.Host laptop = ca.host("laptop", TestAccountCa.ZONE, Instant.now());
        TestAccountCa.Host home = ca.host("home", TestAccountCa.ZONE, Instant.now());
        PrincipalKeyStore store = PrincipalKeyStore.open(Files.createDirectory(directory.resolve("keys")), REALM,
                random, clock);
        store.register(List.of("host", "home.alice.members.example"));
        ClientPrincipalMapping mapping = new ClientPrincipalMapping(TestAccountCa.ZONE, REALM);
        KdcCounters counters = new KdcCounters();
        KdcEngine engine = new KdcEngine(store, mapping.user(), new PkinitKdc(home.credential(),
                Set.of(new TrustAnchor(ca.certificate, null)), certificate -> false, mapping, clock, random),
                new ReplayCache(clock, Duration.ofMinutes(5), 1000, log.logger()), TicketPolicy.DEFAULTS, counters,
                clock, random, log.logger());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (KdcFrontDoor frontDoor = KdcFrontDoor.open(List.of(loopback), new FrontDoorSettings(0, 65_536, 4096, 4,
                Duration.ofSeconds(15)), engine, source -> true, counters, log.logger(), clock)) {
            Path anchors = Files.writeString(directory.resolve("ca.pem"), TestAccountCa.pem(ca.certificate));
            Path certificate = Files.writeString(directory.resolve("laptop.pem"),
                    TestAccountCa.pem(laptop.certificate()));
            Path key = Files.writeString(directory.resolve("laptop.key"), TestAccountCa.pem(laptop.keys().getPrivate()));
            Path conf = Files.writeString(directory.resolve("krb5.conf"), """
                    [libdefaults]
                        default_realm = %1$s
                        dns_lookup_kdc = false
                        dns_lookup_realm = false
                        dns_canonicalize_hostname = false
                        rdns = false
                    [realms]
                        %1$s = {
                            kdc = 127.0.0.1:%2$d
                            pkinit_anchors = FILE:%3$s
                        }
                    [domain_realm]
                        home.alice.members.example = %1$s
                    """.formatted(REALM, frontDoor.tcpAddresses().get(0).getPort(), anchors));

            String kinit = mit(conf, "kinit", "-X", "X509_user_identity=FILE:" + certificate + "," + key,
                    "alice@" + REALM);
            String klist = mit(conf, "klist");
            String kvno = mit(conf, "kvno", "host/home.alice.members.example");

            assertTrue(klist.contains("krbtgt/" + REALM + "@" + REALM), kinit + klist);
            assertTrue(kvno.contains("host/home.alice.members.example@" + REALM + ": kvno = 1"), kvno);
            assertEquals(1, counters.status(REALM, List.of(), List.of()).asIssued(), log.lines().toString());
            assertEquals(1, counters.status(REALM, List.of(), List.of()).tgsIssued(), log.lines().toString());
            System.out.println(klist);

            TestAccountCa other = TestAccountCa.create("members.example", Instant.now());
            TestAccountCa.Host stranger = other.host("laptop", TestAccountCa.ZONE, Instant.now());
            Path strangerCertificate = Files.writeString(directory.resolve("stranger.pem"),
                    TestAccountCa.pem(stranger.certificate()));
            Path strangerKey = Files.writeString(directory.resolve("stranger.key"),
                    TestAccountCa.pem(stranger.keys().getPrivate()));
            Path strangerCa = Files.writeString(directory.resolve("stranger-ca.pem"), TestAccountCa.pem(other.certificate));
            // MIT's client checks its own certificate against its anchors before it sends it: it trusts both CAs.
            Run refused = run(conf, "kinit", "-X", "X509_anchors=FILE:" + strangerCa, "-X", "X509_user_identity=FILE:"
                    + strangerCertificate + "," + strangerKey, "alice@" + REALM);
            assertTrue(refused.exit() != 0, refused.out());
            assertTrue(refused.out().contains("Received error from KDC: -1765328314/"), "70 = -1765328384 + 70: "
                    + refused.out());
            System.out.println(refused.out().lines().filter(line -> line.startsWith("kinit:")).toList());
        }
    }

    private record Run(int exit, String out) {
    }

    private Path ccache() {
        return directory.resolve("ccache");
    }

    private String mit(Path conf, String... command) throws Exception {
        Run run = run(conf, command);
        assertEquals(0, run.exit(), String.join(" ", command) + ":\n" + run.out());
        return run.out();
    }

    private Run run(Path conf, String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("env", "LC_ALL=C", "KRB5_CONFIG=" + conf, "KRB5CCNAME=FILE:"
                + ccache(), "KRB5_TRACE=/dev/stderr"));
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
