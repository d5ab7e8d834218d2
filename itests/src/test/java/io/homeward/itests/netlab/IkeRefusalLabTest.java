package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.homeward.api.auth.TsigKey;
import io.homeward.itests.LabDirectory;
import io.homeward.kit.text.PasswordKeys;

/**
 * Who a Homeward responder refuses in IKE_AUTH (RFC 7296 §2.21.2; the rules of docs/enrollment.md, "Host
 * certificates"): strongSwan charon in the café initiates to the Homeward agent at home with a certificate the
 * account CA issued to another user's host, one from another CA, and one the user revoked. Each time charon receives
 * AUTHENTICATION_FAILED — so home answered and refused — and home's log names the rule it applied.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IkeRefusalLabTest {
    private static final String ALICE = "alice";
    private static final String ALICE_PASSWORD = "lab-correct-horse-battery";
    private static final String BOB = "bob";
    private static final String BOB_PASSWORD = "bob-correct-horse-battery";
    private static final String EST = LabRendezvous.ADDRESS + ":" + LabRendezvous.EST_PORT;
    /** Any ULA for charon's end of the traffic selectors: IKE_AUTH fails before they count. */
    private static final String CHARON_ULA = "fd00:4857:5:1::c";

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-ike-refusal");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static String homeUla;
    private static Path accountCa;

    @BeforeAll
    static void aliceHomeAndBobsAccount() throws Exception {
        NetLab.up();
        LabCharon.requireInstalled();
        work = WORK.path();
        rendezvous = LabRendezvous.startOnTerminal(work.resolve("rendezvous"), ALICE, ALICE_PASSWORD, 1800);
        String added = String.join(" ", rendezvous.run("homeward:useradd " + BOB + " " + BOB_PASSWORD));
        assertTrue(added.contains("added user " + BOB), added);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), ALICE, ALICE_PASSWORD, rendezvous.pin(), 1800)
                .start();
        homeUla = home.awaitPublished(90).ula();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(home, rendezvous);
    }

    @Test
    @Order(1)
    void aHostOfAnotherUserIsRefused() throws Exception {
        // given charon enrolled by bob, with a certificate of the same account CA for bob's zone
        LabCharon.Credentials bobs = LabCharon.enrollWith("hw-laptop", EST, rendezvous.pin(), "charon", key(BOB,
                BOB_PASSWORD), work.resolve("bob"));
        accountCa = bobs.caCertificates();

        // when it initiates to alice's home, then home refuses it by the zone rule
        assertRefused("bob", fqdn("charon", BOB), bobs, "ZONE (a host of another user)", 1);
    }

    @Test
    @Order(2)
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        // given charon with a certificate for a name in alice's zone, signed by a CA of its own
        LabCharon.Credentials foreign = fromAnotherCa(fqdn("charon", ALICE), work.resolve("other-ca"));

        // when it initiates, then home refuses it: the chain does not reach the account CA
        assertRefused("other-ca", fqdn("charon", ALICE), foreign, "OTHER_CA (not issued by the account CA)", 1);
    }

    @Test
    @Order(3)
    void aRevokedHostIsRefused() throws Exception {
        // given a host alice enrolled and then revoked at the rendezvous
        LabCharon.Credentials stolen = LabCharon.enrollWith("hw-laptop", EST, rendezvous.pin(), "stolen",
                key(ALICE, ALICE_PASSWORD), work.resolve("stolen"));
        String revoked = String.join(" ", rendezvous.run("homeward:revoke " + fqdn("stolen", ALICE)));
        assertTrue(revoked.startsWith("revoked 1 certificate"), revoked);
        awaitRevocationListed("stolen", 10);

        // when it initiates, then home refuses it by the revocation rule
        assertRefused("stolen", fqdn("stolen", ALICE), stolen, "REVOKED (revoked)", 5);
    }

    /**
     * charon with these credentials initiates to home: AUTHENTICATION_FAILED, no tunnel, and home's log names the
     * rule. An attempt that home still accepts is ended and tried again, one second later, up to {@code attempts}.
     */
    private static void assertRefused(String name, String fqdn, LabCharon.Credentials credentials, String rule,
            int attempts) throws Exception {
        try (LabCharon charon = LabCharon.start("hw-laptop", work.resolve("charon-" + name), fqdn, CHARON_ULA,
                credentials)) {
            charon.connect(new LabCharon.Peer(fqdn("home", ALICE), NetLab.HOME_WAN, homeUla), LabCharon.AES_GCM);

            boolean established = charon.initiate();
            for (int attempt = 1; established && attempt < attempts; attempt++) {
                charon.terminate();
                Thread.sleep(1000);
                established = charon.initiate();
            }

            assertFalse(established, charon.sas().toString());
            assertTrue(charon.log().contains("received AUTHENTICATION_FAILED notify error"), charon.logTail());
            LabLogs.awaitLine(home::log, l -> l.contains("IKE_AUTH from") && l.contains(fqdn)
                    && l.contains("AUTHENTICATION_FAILED") && l.contains("rule " + rule), 5);
            assertTrue(home.tunnels().lines().noneMatch(l -> l.contains(CHARON_ULA)), home.tunnels());
        }
    }

    /**
     * Waits (bounded) until the rendezvous lists the host at {@code _revoked._homeward} (docs/enrollment.md,
     * "Revocation"). The agents hear of it by DNS Push a moment later (EnrollmentLabTest: under 2 s), so the
     * refusal below is tried a few times.
     */
    private static void awaitRevocationListed(String host, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!NetLab.in("hw-inet", "dig", "@" + LabRendezvous.ADDRESS, "-p", "8053", "+short", "TXT",
                "_revoked._homeward." + zone(ALICE)).out().contains("\"host=" + host + "\"")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("_revoked._homeward does not list " + host + " after " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }

    /** A CA of its own (P-256, made with openssl) and a host certificate it signed in the account CA's profile. */
    private static LabCharon.Credentials fromAnotherCa(String fqdn, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path caKey = dir.resolve("ca.key");
        Path caCertificate = dir.resolve("ca.pem");
        Path key = dir.resolve("host.key");
        Path request = dir.resolve("host.csr");
        Path certificate = dir.resolve("host.pem");
        Path extensions = Files.writeString(dir.resolve("host.ext"), "subjectAltName=DNS:" + fqdn + ",URI:dns:"
                + zone(ALICE) + "\nextendedKeyUsage=serverAuth,clientAuth,1.3.6.1.5.5.7.3.17\n"
                + "keyUsage=digitalSignature\n");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                "-keyout", caKey.toString(), "-out", caCertificate.toString(), "-subj", "/CN=Another CA");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                key.toString(), "-out", request.toString(), "-subj", "/CN=" + fqdn);
        openssl("x509", "-req", "-in", request.toString(), "-CA", caCertificate.toString(), "-CAkey",
                caKey.toString(), "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(), "-out",
                certificate.toString());
        return new LabCharon.Credentials(key, certificate, accountCa);
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "openssl";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("openssl " + arguments[0] + " failed: " + out);
        }
    }

    private static TsigKey key(String user, String password) {
        return PasswordKeys.derive(LabRendezvous.zone(user), password.toCharArray());
    }

    private static String zone(String user) {
        String zone = LabRendezvous.zone(user);
        return zone.substring(0, zone.length() - 1);
    }

    private static String fqdn(String host, String user) {
        return host + "." + zone(user);
    }
}
