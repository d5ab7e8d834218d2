package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.homeward.itests.AgentFiles;
import io.homeward.itests.LabDirectory;
import io.homeward.kit.text.PasswordKeys;

/**
 * Per-device trust in the network lab (docs/enrollment.md), with real runtimes: a fresh rendezvous on the Internet
 * side whose operator types commands into its shell; "home" behind the miniupnpd NAT signs in with alice's password
 * (and so enrolls with her key); "laptop" in the café joins with nothing but {@code --join CODE}. Then the tools a
 * person would use check what they got: openssl verifies the chain and shows the profile, curl fetches the CA over
 * the pinned TLS, nsupdate tries the laptop's host key inside and outside its rights, and dig, curl and the peers'
 * directories watch {@code homeward:revoke laptop} take effect. The steps build on each other and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrollmentLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String OTHER_USER = "bob";
    private static final int LEASE_SECONDS = 30;
    private static final String ZONE = LabRendezvous.zone(USER);
    /** The host label the invite names: the joined machine's name in the account. */
    private static final String LAPTOP_LABEL = "laptop";
    private static final String LAPTOP = LAPTOP_LABEL + "." + ZONE;
    private static final String HOME = "home." + ZONE;
    private static final String HOME_ENDPOINT = NetLab.HOME_WAN + ":4500";
    private static final String CAFE_ENDPOINT = "11.0.0.3:4500";
    private static final String EST = "https://" + LabRendezvous.ADDRESS + ":" + LabRendezvous.EST_PORT;
    private static final Pattern CRL_SERIAL = Pattern.compile("Serial Number: ([0-9A-Fa-f]+)");

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-enrollment-lab");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static X509Certificate laptopCertificate;
    private static String laptopKey;
    /** The laptop's AutoTunnel name, as dig prints it. */
    private static String laptopTunnelName;

    @BeforeAll
    static void freshRendezvousAndTwoHosts() throws Exception {
        NetLab.up();
        work = WORK.path();
        rendezvous = LabRendezvous.startOnTerminal(work.resolve("rendezvous"), USER, PASSWORD, LEASE_SECONDS);
        String added = String.join(" ", rendezvous.run("homeward:useradd " + OTHER_USER + " bob-correct-horse-battery"));
        assertTrue(added.contains("added user " + OTHER_USER), added);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), LEASE_SECONDS);
        String code = inviteCode(rendezvous.run("homeward:invite --user " + USER + " " + LAPTOP_LABEL));
        laptop = LabHost.joining("laptop", "hw-laptop", work.resolve("laptop"), code);
        LabHost.startTogether(home::start, laptop::start);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(laptop, home, rendezvous);
    }

    @Test
    @Order(1)
    void homeByPasswordAndTheLaptopByInviteBothPublishAndListEachOther() throws Exception {
        home.awaitPublished(90);
        // The joined laptop finds the STUN server from the code alone; until it answers, the laptop may publish its
        // own address (the join renames the host, which republishes at once).
        LabHost.Published published = laptop.awaitPublishedAt(CAFE_ENDPOINT, 90);
        assertEquals(LAPTOP_LABEL, published.host(), "the joined machine is named as its invite says");
        laptopTunnelName = ("autotunnel-" + published.eui64() + "." + ZONE).toLowerCase(Locale.ROOT);
        home.awaitPeerAt(LAPTOP_LABEL, CAFE_ENDPOINT, 10);
        laptop.awaitPeerAt("home", HOME_ENDPOINT, 10);
    }

    @Test
    @Order(2)
    void opensslVerifiesTheLaptopsCertificateAgainstTheCaCurlFetchedAndShowsTheProfile() throws Exception {
        Path dir = Files.createDirectories(work.resolve("openssl"));
        Path ca = dir.resolve("ca.pem");
        // RFC 7030 §4.1.3: base64, which may come in lines.
        NetLab.Result fetched = NetLab.in("hw-laptop", "sh", "-c", "curl -sS --fail --max-time 10 -k --pinnedpubkey "
                + pinnedPublicKey() + " " + EST + "/.well-known/est/cacerts | tr -d '\\r\\n' | base64 -d"
                + " | openssl pkcs7 -inform DER -print_certs -out " + ca);
        assertEquals(0, fetched.exit(), "curl and openssl: " + fetched.out());
        NetLab.Result wrongPin = NetLab.in("hw-laptop", "curl", "-sS", "--max-time", "10", "-k", "--pinnedpubkey",
                "sha256//" + Base64.getEncoder().encodeToString(new byte[32]), EST + "/.well-known/est/cacerts");
        assertNotEquals(0, wrongPin.exit(), "curl refuses another key: " + wrongPin.out());

        laptopCertificate = AgentFiles.requireCertificate(laptop.data(), LAPTOP);
        Path host = dir.resolve("host.pem");
        Files.writeString(host, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(laptopCertificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        NetLab.Result verify = NetLab.in("hw-laptop", "openssl", "verify", "-CAfile", ca.toString(), host.toString());
        assertEquals(0, verify.exit(), verify.out());
        assertTrue(verify.out().contains(host + ": OK"), verify.out());

        String text = NetLab.in("hw-laptop", "openssl", "x509", "-in", host.toString(), "-noout", "-text").out();
        String bare = LAPTOP.substring(0, LAPTOP.length() - 1);
        for (String expected : List.of("Subject: CN = " + bare, "DNS:" + bare, "URI:dns:" + ZONE.substring(0, ZONE.length() - 1),
                "TLS Web Server Authentication", "TLS Web Client Authentication", "ipsec Internet Key Exchange",
                "X509v3 Key Usage: critical", "Digital Signature", "CA:FALSE", "Public Key Algorithm: id-ecPublicKey",
                "NIST CURVE: P-256", "X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier")) {
            assertTrue(text.contains(expected), "openssl x509 -text shows " + expected + ":\n" + text);
        }
        String issuer = NetLab.in("hw-laptop", "openssl", "x509", "-in", ca.toString(), "-noout", "-subject").out();
        assertTrue(issuer.contains("Homeward account CA for members.example"), issuer);
    }

    @Test
    @Order(3)
    void theLaptopsHostKeyChangesItsOwnNamesOnlyAndTheMasterKeyStillChangesAnything() throws Exception {
        laptopKey = AgentFiles.hostKey(laptop.data(), LAPTOP);
        assertEquals(0, nsupdate("hw-laptop", laptopKey, ZONE, "update add _test." + LAPTOP + " 60 TXT \"mine\"").exit(),
                "the laptop may add below its own name");
        assertEquals(0, nsupdate("hw-laptop", laptopKey, ZONE, "update delete _test." + LAPTOP + " TXT").exit());

        NetLab.Result homes = nsupdate("hw-laptop", laptopKey, ZONE, "update add " + HOME + " 60 TXT \"taken\"");
        assertTrue(homes.out().contains("REFUSED"), "home's name: " + homes.out());
        NetLab.Result apex = nsupdate("hw-laptop", laptopKey, ZONE, "update add " + ZONE + " 60 TXT \"taken\"");
        assertTrue(apex.out().contains("REFUSED"), "the apex: " + apex.out());
        String bobsZone = LabRendezvous.zone(OTHER_USER);
        NetLab.Result bobs = nsupdate("hw-laptop", laptopKey, bobsZone,
                "update add " + LAPTOP_LABEL + "." + bobsZone + " 60 TXT \"taken\"");
        assertTrue(bobs.out().contains("REFUSED"), "bob's zone: " + bobs.out());
        LabLogs.awaitLine(rendezvous::log, l -> l.contains(LAPTOP) && l.contains(HOME) && l.contains("rule"), 5);
        assertFalse(LabRendezvous.zoneRecords(USER, PASSWORD).stream().anyMatch(r -> r.contains("taken")),
                "a refused UPDATE changed nothing");

        String master = "hmac-sha256:" + ZONE + ":"
                + Base64.getEncoder().encodeToString(PasswordKeys.derive(ZONE, PASSWORD.toCharArray()).secret());
        assertEquals(0, nsupdate("hw-inet", master, ZONE, "update add note." + ZONE + " 60 TXT \"by the user\"").exit());
        assertEquals(0, nsupdate("hw-inet", master, ZONE, "update delete note." + ZONE + " TXT").exit());
    }

    @Test
    @Order(4)
    void revokingTheLaptopRemovesItsRecordsKeyAndPeerEntryWithinTwoSecondsAndTheLaptopSaysSo() throws Exception {
        BigInteger serial = laptopCertificate.getSerialNumber();
        Instant revoked = Instant.now();
        List<String> answer = rendezvous.run("homeward:revoke " + LAPTOP_LABEL);
        assertFalse(answer.isEmpty(), "homeward:revoke says what it did");

        Duration gone = awaitLaptopRecordsGone(revoked, 2);
        home.awaitPeerGone(LAPTOP_LABEL, 2);
        Duration peerGone = Duration.between(revoked, Instant.now());
        System.out.printf(Locale.ROOT, "revoke laptop: records gone after %d ms, home's directory dropped it after %d ms%n",
                gone.toMillis(), peerGone.toMillis());
        assertTrue(peerGone.compareTo(Duration.ofSeconds(2)) <= 0, "home dropped the laptop after " + peerGone.toMillis() + " ms");

        NetLab.Result badKey = NetLab.in("hw-laptop", "dig", "@" + LabRendezvous.ADDRESS, "-p", "8053", "-y", laptopKey, "SOA",
                ZONE);
        assertTrue(badKey.out().contains("BADKEY"), "the laptop's key is unknown now: " + badKey.out());
        NetLab.Result update = nsupdate("hw-laptop", laptopKey, ZONE, "update add _test." + LAPTOP + " 60 TXT \"back\"");
        assertTrue(update.out().contains("BADKEY"), update.out());

        NetLab.Result crl = NetLab.in("hw-inet", "sh", "-c", "curl -sS --fail --max-time 10 -k --pinnedpubkey "
                + pinnedPublicKey() + " " + EST + "/.well-known/homeward/crl | openssl crl -inform DER -noout -text");
        assertEquals(0, crl.exit(), crl.out());
        List<BigInteger> listed = new ArrayList<>();
        Matcher m = CRL_SERIAL.matcher(crl.out());
        while (m.find()) {
            listed.add(new BigInteger(m.group(1), 16));
        }
        assertTrue(listed.contains(serial), "the CRL lists " + serial.toString(16) + ":\n" + crl.out());

        NetLab.Result revokedTxt = NetLab.in("hw-inet", "dig", "@" + LabRendezvous.ADDRESS, "-p", "8053", "+short", "TXT",
                "_revoked._homeward." + ZONE);
        assertTrue(revokedTxt.out().contains("\"serial=" + serial.toString(16)) && revokedTxt.out().contains("\"host=" + LAPTOP_LABEL + "\""),
                "_revoked._homeward names the serial: " + revokedTxt.out());

        LabLogs.awaitLine(laptop::log, l -> l.contains("was revoked"), 10);
        String signInPage = laptop.console().get("/homeward-settings");
        assertTrue(signInPage.contains("the account revoked this host"), "the laptop's console says so: " + signInPage);
        Thread.sleep(5000);
        assertTrue(laptopRecords().isEmpty(), "the revoked laptop published nothing again: " + laptopRecords());
    }

    /** Polls the zone (every 0.05 s) until no record names the laptop; fails after {@code seconds}. */
    private static Duration awaitLaptopRecordsGone(Instant since, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> left;
        do {
            left = laptopRecords();
            if (left.isEmpty()) {
                return Duration.between(since, Instant.now());
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the laptop's records were still there " + seconds + " s after the revocation: " + left);
    }

    /** The zone's records at, below or pointing to the laptop's name, and its AutoTunnel records; not the revocation TXT. */
    private static List<String> laptopRecords() throws IOException, InterruptedException {
        return LabRendezvous.zoneRecords(USER, PASSWORD).stream()
                .filter(r -> !r.startsWith("_revoked._homeward.") && (r.contains(LAPTOP) || r.contains(laptopTunnelName)))
                .toList();
    }

    /** nsupdate in the namespace with the key ({@code hmac-sha256:name:secret}) and one update line. */
    private static NetLab.Result nsupdate(String namespace, String key, String zone, String update)
            throws IOException, InterruptedException {
        String script = "server " + LabRendezvous.ADDRESS + " 8053\nzone " + zone + "\n" + update + "\nsend\n";
        return NetLab.in(namespace, "sh", "-c", "printf '%s' '" + script.replace("'", "'\\''") + "' | nsupdate -y " + key);
    }

    /** curl's {@code --pinnedpubkey}: the SHA-256 of the rendezvous TLS certificate's public key (SPKI), base64. */
    private static String pinnedPublicKey() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(work.resolve("rendezvous/data/tls/server.crt"))) {
            Certificate server = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return "sha256//" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(server.getPublicKey().getEncoded()));
        }
    }

    /** The code in what {@code homeward:invite} printed. */
    private static String inviteCode(List<String> answer) {
        Matcher m = Pattern.compile("HW1[A-Z2-7]{20,}").matcher(String.join("\n", answer));
        if (!m.find()) {
            throw new AssertionError("homeward:invite printed no code: " + answer);
        }
        return m.group();
    }
}
