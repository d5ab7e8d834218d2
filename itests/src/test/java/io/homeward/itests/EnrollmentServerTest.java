package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Update;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.enroll.EnrollmentAuthorization;
import io.homeward.kit.enroll.EnrollmentAuthorization.Scheme;
import io.homeward.kit.enroll.InviteCode;

/**
 * The enrollment server of a real rendezvous runtime (docs/enrollment.md) driven over HTTPS by this module's own EST
 * client: invite codes work once and are refused when replayed, expired, forged or damaged, with one line that says
 * which; bad requests are refused with a clear error and leave nothing behind; the host key an enrollment hands out
 * may change only its host's names. Commands go to the running server through its shell on a terminal. The invite
 * that must expire is made first and tried last, so its minute of validity (the shortest the server gives) passes
 * while the other tests run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrollmentServerTest {
    private static final String USER = "alice";
    private static final String ZONE = EnrollingRendezvous.zone(USER);
    private static final String BARE_ZONE = ZONE.substring(0, ZONE.length() - 1);
    private static final String DOMAIN_WITHOUT_DOT = EnrollingRendezvous.DOMAIN.substring(0,
            EnrollingRendezvous.DOMAIN.length() - 1);
    private static final String ID_KP_IPSEC_IKE = "1.3.6.1.5.5.7.3.17";
    /** The shortest validity the test asks of {@code homeward:invite --valid}. */
    private static final String SHORT_VALIDITY = "1m";
    private static final Duration SHORT_VALIDITY_DURATION = Duration.ofMinutes(1);
    /** A log line on the terminal: time and level first (the launcher's terminal pattern). */
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +(TRACE|DEBUG|INFO|WARN|ERROR) ");

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-enrollment");
    private static Path work;
    private static EnrollingRendezvous rendezvous;
    /** The client with the default source address, for what anyone may fetch. */
    private static EstClient anyone;
    /** The invite with the shortest validity, and a time after which it has surely expired. */
    private static InviteCode expiring;
    private static Instant expiringIsOver;

    @BeforeAll
    static void rendezvousWithAliceAndBob() throws Exception {
        Tool.requireInstalled("script");
        work = WORK.path();
        rendezvous = EnrollingRendezvous.start(work.resolve("rendezvous"), "");
        anyone = rendezvous.est();
        expiring = InviteCode.decode(rendezvous.invite(USER, "expiring", SHORT_VALIDITY));
        expiringIsOver = Instant.now().plus(SHORT_VALIDITY_DURATION).plusSeconds(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rendezvous != null) {
            rendezvous.close();
        }
    }

    @Test
    void theCaCertificateAndTheCrlAreServedToAnyoneOverThePinnedConnection() throws Exception {
        EstClient.Answer cacerts = anyone.get(EstClient.CACERTS);
        assertEquals(200, cacerts.status(), cacerts.toString());
        assertTrue(cacerts.contentType().startsWith("application/pkcs7-mime"), cacerts.toString());
        X509Certificate ca = cacerts.certificates().get(0);
        assertEquals("CN=Homeward account CA for " + DOMAIN_WITHOUT_DOT, ca.getSubjectX500Principal().getName());
        assertEquals(0, ca.getBasicConstraints(), "a CA with path length 0");
        assertTrue(ca.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")),
                "basicConstraints and keyUsage are critical");
        boolean[] usage = ca.getKeyUsage();
        assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
        assertEquals("EC", ca.getPublicKey().getAlgorithm());
        ca.verify(ca.getPublicKey());

        EstClient.Answer crl = anyone.get(EstClient.CRL);
        assertEquals(200, crl.status(), crl.toString());
        assertTrue(crl.contentType().startsWith("application/pkix-crl"), crl.toString());
        anyone.crl().verify(ca.getPublicKey());
    }

    @Test
    void anInviteEnrollsOnceInTheDocumentedProfileAndItsReplayIsRefused() throws Exception {
        EstClient est = anyone.from("127.0.0.11");
        InviteCode invite = InviteCode.decode(rendezvous.invite(USER, "laptop", "1h"));
        assertEquals(ZONE, invite.zone());
        assertEquals(Optional.of("laptop"), invite.host());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), invite.addresses());
        assertEquals(List.of(rendezvous.dnsPort, rendezvous.tlsPort, rendezvous.estPort, rendezvous.stunPort),
                List.of(invite.dnsPort(), invite.tlsPort(), invite.estPort(), invite.stunPort()));
        assertEquals(rendezvous.pin().replace(":", "").toLowerCase(Locale.ROOT),
                HexFormat.of().formatHex(invite.pin()));

        KeyPair pair = CertificateRequests.p256();
        byte[] body = EstClient.body(CertificateRequests.forName(pair, "laptop." + BARE_ZONE, List.of()));
        String authorization = EstClient.authorization(Scheme.INVITE, invite.id(), invite.secret(), body);
        EstClient.Answer enrolled = est.enroll(authorization, body);
        assertEquals(200, enrolled.status(), enrolled.toString());
        assertTrue(enrolled.contentType().startsWith("application/pkcs7-mime"), enrolled.toString());
        X509Certificate host = enrolled.certificates().get(0);
        assertHostProfile(host, "laptop", pair);
        assertTrue(String.join("\n", rendezvous.run("homeward:hosts")).contains("laptop"), "homeward:hosts lists it");

        assertRefused(est.enroll(authorization, body), 401, 403, "used");
        byte[] again = EstClient.body(CertificateRequests.forHost("laptop", BARE_ZONE));
        assertRefused(est.enroll(EstClient.authorization(Scheme.INVITE, invite.id(), invite.secret(), again), again), 401,
                403, "used");
        assertEquals(1, certificatesOf("laptop"), "one certificate for the laptop, however often the code was sent");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void anExpiredInviteIsRefused() throws Exception {
        EstClient est = anyone.from("127.0.0.12");
        long left = Duration.between(Instant.now(), expiringIsOver).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
        byte[] body = EstClient.body(CertificateRequests.forHost("expiring", BARE_ZONE));
        assertRefused(est.enroll(EstClient.authorization(Scheme.INVITE, expiring.id(), expiring.secret(), body), body),
                401, 403, "expired");
        assertEquals(0, certificatesOf("expiring"));
    }

    @Test
    void forgedInvitesAreRefusedAndFiveWrongProofsUseTheInviteUp() throws Exception {
        EstClient est = anyone.from("127.0.0.13");
        InviteCode real = InviteCode.decode(rendezvous.invite(USER, "forged", "1h"));
        byte[] otherSecret = new byte[InviteCode.SECRET_BYTES];
        new SecureRandom().nextBytes(otherSecret);
        InviteCode forged = new InviteCode(real.addresses(), real.dnsPort(), real.tlsPort(), real.estPort(),
                real.stunPort(), real.pin(), real.zone(), real.host(), otherSecret);
        byte[] body = EstClient.body(CertificateRequests.forHost("forged", BARE_ZONE));
        assertRefused(est.enroll(EstClient.authorization(Scheme.INVITE, forged.id(), forged.secret(), body), body), 401,
                403, "unknown");

        String stale = EnrollmentAuthorization.sign(Scheme.INVITE, real.id(), real.secret(),
                Instant.now().getEpochSecond() - 600, body).header();
        assertRefused(est.enroll(stale, body), 401, 403, "time");

        for (int attempt = 1; attempt <= 5; attempt++) {
            EstClient.Answer wrong = est.enroll(EstClient.authorization(Scheme.INVITE, real.id(), otherSecret, body), body);
            assertTrue(wrong.status() == 401 || wrong.status() == 403 || wrong.status() == 429, "attempt " + attempt + ": "
                    + wrong);
            assertOneLine(wrong);
        }
        EstClient.Answer afterFive = est.enroll(EstClient.authorization(Scheme.INVITE, real.id(), real.secret(), body), body);
        assertTrue(afterFive.status() >= 400, "the right secret after five wrong proofs: " + afterFive);
        assertOneLine(afterFive);
        assertEquals(0, certificatesOf("forged"));
    }

    @Test
    void theUsersPasswordKeyEnrollsItsOwnHostsOnly() throws Exception {
        EstClient est = anyone.from("127.0.0.14");
        TsigKey alice = EnrollingRendezvous.masterKey(USER);
        TsigKey bob = EnrollingRendezvous.masterKey("bob");
        byte[] body = EstClient.body(CertificateRequests.forHost("desk", BARE_ZONE));
        assertRefused(est.enroll(EstClient.authorization(Scheme.KEY, bob.name(), bob.secret(), body), body), 401, 403, "");
        assertRefused(est.enroll(EstClient.authorization(Scheme.KEY, alice.name(), bob.secret(), body), body), 401, 403, "");

        EstClient.Answer enrolled = est.enroll(EstClient.authorization(Scheme.KEY, alice.name(), alice.secret(), body), body);
        assertEquals(200, enrolled.status(), enrolled.toString());
        assertEquals("CN=desk." + BARE_ZONE, enrolled.certificates().get(0).getSubjectX500Principal().getName());
    }

    @Test
    void badRequestsAreRefusedWithOneClearLineAndLeaveNothingBehind() throws Exception {
        EstClient est = anyone.from("127.0.0.15");
        TsigKey alice = EnrollingRendezvous.masterKey(USER);
        InviteCode invite = InviteCode.decode(rendezvous.invite(USER, "invited", "1h"));
        List<String> hostsBefore = rendezvous.run("homeward:hosts");
        List<String> caBefore = rendezvous.run("homeward:ca");
        Map<String, Long> stored = storedFiles();

        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("garbage instead of a request", EstClient.body("not a certification request".getBytes(StandardCharsets.US_ASCII)));
        bad.put("not base64", "%%% not base64 %%%".getBytes(StandardCharsets.US_ASCII));
        bad.put("a signature that does not verify",
                EstClient.body(CertificateRequests.withBadSignature(CertificateRequests.forHost("bad", BARE_ZONE))));
        bad.put("a weak RSA key", EstClient.body(CertificateRequests.forName(CertificateRequests.rsa(1024), "bad." + BARE_ZONE,
                List.of())));
        for (Map.Entry<String, byte[]> request : bad.entrySet()) {
            EstClient.Answer answer = est.enroll(EstClient.authorization(Scheme.KEY, alice.name(), alice.secret(),
                    request.getValue()), request.getValue());
            assertEquals(400, answer.status(), request.getKey() + ": " + answer);
            assertOneLine(answer);
        }

        Map<String, byte[]> foreign = new LinkedHashMap<>();
        foreign.put("bob's zone", EstClient.body(CertificateRequests.forHost("bad", "bob.members.example")));
        foreign.put("a SAN for another host", EstClient.body(CertificateRequests.forName(CertificateRequests.p256(),
                "bad." + BARE_ZONE, List.of("bad." + BARE_ZONE, "laptop." + BARE_ZONE))));
        foreign.put("the zone's apex", EstClient.body(CertificateRequests.forName(CertificateRequests.p256(), BARE_ZONE,
                List.of())));
        for (Map.Entry<String, byte[]> request : foreign.entrySet()) {
            EstClient.Answer answer = est.enroll(EstClient.authorization(Scheme.KEY, alice.name(), alice.secret(),
                    request.getValue()), request.getValue());
            assertTrue(answer.status() == 400 || answer.status() == 403, request.getKey() + ": " + answer);
            assertOneLine(answer);
        }

        byte[] oversized = new byte[17 * 1024];
        Arrays.fill(oversized, (byte) 'A');
        EstClient.Answer tooLarge = est.enroll(EstClient.authorization(Scheme.KEY, alice.name(), alice.secret(), oversized),
                oversized);
        assertEquals(413, tooLarge.status(), tooLarge.toString());
        assertOneLine(tooLarge);

        byte[] good = EstClient.body(CertificateRequests.forHost("bad", BARE_ZONE));
        assertRefused(est.enroll(null, good), 401, 401, "");
        assertRefused(est.enroll("Homeward-Invite nonsense", good), 400, 401, "");

        byte[] otherHost = EstClient.body(CertificateRequests.forHost("home", BARE_ZONE));
        assertRefused(est.enroll(EstClient.authorization(Scheme.INVITE, invite.id(), invite.secret(), otherHost), otherHost),
                403, 403, "");

        assertEquals(hostsBefore, rendezvous.run("homeward:hosts"), "homeward:hosts shows nothing new");
        assertEquals(caBefore, rendezvous.run("homeward:ca"), "homeward:ca shows nothing new");
        assertEquals(0, certificatesOf("bad"));
        Map<String, Long> after = storedFiles();
        after.keySet().removeIf(f -> f.contains("invite"));
        stored.keySet().removeIf(f -> f.contains("invite"));
        assertEquals(stored, after, "the CA and the accounts stored nothing");

        byte[] invited = EstClient.body(CertificateRequests.forHost("invited", BARE_ZONE));
        EstClient.Answer stillGood = est.enroll(EstClient.authorization(Scheme.INVITE, invite.id(), invite.secret(), invited),
                invited);
        assertEquals(200, stillGood.status(), "a refused request did not use the invite up: " + stillGood);
    }

    @Test
    void theHostKeyChangesOnlyItsOwnNamesAndTheMasterKeyStillChangesAnything() throws Exception {
        EstClient est = anyone.from("127.0.0.16");
        TsigKey alice = EnrollingRendezvous.masterKey(USER);
        KeyPair pair = CertificateRequests.p256();
        byte[] body = EstClient.body(CertificateRequests.forName(pair, "phone." + BARE_ZONE, List.of()));
        TsigKey phone = enrolledHostKey(est, alice, pair, body);
        assertEquals("phone." + ZONE, phone.name());

        assertEquals(Rcode.NOERROR, update(phone, ZONE, "phone." + ZONE));
        assertEquals(Rcode.NOERROR, update(phone, ZONE, "_sub.phone." + ZONE));
        assertEquals(Rcode.REFUSED, update(phone, ZONE, "laptop." + ZONE));
        assertEquals(Rcode.REFUSED, update(phone, ZONE, ZONE));
        assertEquals(Rcode.REFUSED, update(phone, "bob.members.example.", "phone.bob.members.example."));
        rendezvous.awaitLogLine(l -> l.contains(phone.name()) && l.contains("laptop." + ZONE) && l.contains("rule"), 5);

        assertEquals(Rcode.NOERROR, update(alice, ZONE, "laptop." + ZONE));
        assertRefused(est.enroll(EstClient.authorization(Scheme.KEY, phone.name(), phone.secret(), body), body), 401, 403,
                "");
    }

    @Test
    void changingThePasswordLeavesEnrolledHostsTheirKeys() throws Exception {
        EstClient est = anyone.from("127.0.0.17");
        TsigKey bob = EnrollingRendezvous.masterKey("bob");
        String bobsZone = EnrollingRendezvous.zone("bob");
        KeyPair pair = CertificateRequests.p256();
        TsigKey tablet = enrolledHostKey(est, bob, pair,
                EstClient.body(CertificateRequests.forName(pair, "tablet." + bobsZone.replaceFirst("\\.$", ""), List.of())));

        List<String> changed = rendezvous.run("homeward:passwd bob another-correct-horse-battery");
        assertFalse(changed.isEmpty(), "homeward:passwd says what it did");
        assertTrue(update(bob, bobsZone, "tablet." + bobsZone) != Rcode.NOERROR, "the old password's key is gone");
        assertEquals(Rcode.NOERROR, update(tablet, bobsZone, "tablet." + bobsZone), "the host's own key still works");
    }

    /** Enrolls the request with the user's master key, then fetches the host's key over TLS with its new certificate. */
    private static TsigKey enrolledHostKey(EstClient est, TsigKey master, KeyPair pair, byte[] body) throws Exception {
        EstClient.Answer enrolled = est.enroll(EstClient.authorization(Scheme.KEY, master.name(), master.secret(), body),
                body);
        assertEquals(200, enrolled.status(), enrolled.toString());
        EstClient.Answer hostKey = est.postAs(EstClient.HOSTKEY, pair.getPrivate(), enrolled.certificates(), new byte[0]);
        assertEquals(200, hostKey.status(), hostKey.toString());
        assertTrue(hostKey.contentType().startsWith("application/json"), hostKey.toString());
        String json = hostKey.text();
        assertEquals("hmac-sha256", jsonString(json, "algorithm").toLowerCase(Locale.ROOT).replaceFirst("\\.$", ""));
        return new TsigKey(jsonString(json, "name"), "hmac-sha256", Base64.getDecoder().decode(jsonString(json, "secret")));
    }

    @Test
    void aDamagedUsedOrForeignCodeGivesTheJoiningMachineOneLineAndNoEnrollment() throws Exception {
        String code = rendezvous.invite(USER, "typo", "1h");
        int at = code.length() / 2;
        String damaged = code.substring(0, at) + (code.charAt(at) == 'A' ? 'B' : 'A') + code.substring(at + 1);
        assertTrue(join(damaged).toLowerCase(Locale.ROOT).contains("damaged"));
        assertTrue(join("HELLO-WORLD").contains("HW1"), "says what a code looks like");
        assertEquals(0, certificatesOf("typo"));
    }

    /** {@code --feature agent --join CODE} on a fresh data directory; the one line it printed besides its log. */
    private static String join(String code) throws Exception {
        Path data = Files.createTempDirectory(work, "join");
        try (LauncherProcess agent = LauncherProcess.start("--feature", "agent", "--data", data.toString(), "--no-shell",
                "--console-port", Integer.toString(RendezvousConfigDir.freePort()), "--join", code)) {
            List<String> output = agent.outputUntilExit(90);
            assertTrue(agent.exitValue() != 0, "a refused code is a failed start: " + output);
            List<String> said = output.stream().filter(l -> !l.isBlank() && !LOG_LINE.matcher(l).find()).toList();
            assertEquals(1, said.size(), "one line besides the log: " + output);
            return said.get(0);
        }
    }

    /** Adds an AAAA at {@code name} in {@code zone}, signed with the key; the RCODE. */
    private static int update(TsigKey key, String zone, String name) throws Exception {
        Update update = new Update(Name.fromString(zone));
        update.add(new AAAARecord(Name.fromString(name), DClass.IN, 120, InetAddress.getByName("fd00::77")));
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", rendezvous.dnsPort));
        resolver.setTCP(true);
        resolver.setTimeout(Duration.ofSeconds(5));
        resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, Name.fromString(key.name()),
                new SecretKeySpec(key.secret(), "HmacSHA256"), Clock.tickMillis(ZoneOffset.UTC)));
        Message answer = resolver.send(update);
        return answer.getRcode();
    }

    /** docs/enrollment.md, "Host certificates", for the host of alice. */
    static void assertHostProfile(X509Certificate certificate, String host, KeyPair pair) throws Exception {
        String fqdn = host + "." + BARE_ZONE;
        assertEquals("CN=" + fqdn, certificate.getSubjectX500Principal().getName());
        assertArrayEquals(pair.getPublic().getEncoded(), certificate.getPublicKey().getEncoded(), "the request's key");
        List<String> sans = certificate.getSubjectAlternativeNames().stream().filter(s -> s.get(1) instanceof String)
                .map(s -> s.get(0) + ":" + s.get(1)).sorted().toList();
        assertEquals(List.of("2:" + fqdn, "6:dns:" + BARE_ZONE), sans, "dNSName and the zone's URI (RFC 4501)");
        List<String> otherNames = certificate.getSubjectAlternativeNames().stream()
                .filter(s -> s.get(1) instanceof byte[])
                .map(s -> s.get(0) + ":" + new String((byte[]) s.get(1), StandardCharsets.ISO_8859_1)).toList();
        assertEquals(1, otherNames.size(), "one otherName: the id-pkinit-san of the host's KDC (docs/kerberos.md)");
        assertTrue(otherNames.get(0).startsWith("0:") && otherNames.get(0).contains("krbtgt")
                && otherNames.get(0).contains(fqdn.toUpperCase(Locale.ROOT)), "krbtgt/REALM@REALM");
        assertEquals(Set.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", ID_KP_IPSEC_IKE, "1.3.6.1.5.2.3.4",
                "1.3.6.1.5.2.3.5"), Set.copyOf(certificate.getExtendedKeyUsage()),
                "serverAuth, clientAuth, id-kp-ipsecIKE, id-pkinit-KPClientAuth and id-pkinit-KPKdc");
        boolean[] usage = certificate.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        for (int i = 1; i < usage.length; i++) {
            assertFalse(usage[i], "only digitalSignature; bit " + i + " is set");
        }
        assertTrue(certificate.getCriticalExtensionOIDs().contains("2.5.29.15"), "keyUsage is critical");
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        BigInteger serial = certificate.getSerialNumber();
        assertTrue(serial.signum() > 0 && serial.bitLength() <= 128 && serial.bitLength() > 64, "16 random octets: " + serial);
        assertTrue(certificate.getNotBefore().toInstant().isBefore(Instant.now().minusSeconds(240)), "backdated 5 minutes");
        assertTrue(certificate.getExtensionValue("2.5.29.14") != null && certificate.getExtensionValue("2.5.29.35") != null,
                "subject and authority key identifiers");
        certificate.verify(anyone.caCertificate().getPublicKey());
    }

    private static void assertRefused(EstClient.Answer answer, int lowest, int highest, String says) {
        assertTrue(answer.status() >= lowest && answer.status() <= highest || answer.status() == 429 && highest >= 403,
                "status " + lowest + ".." + highest + ": " + answer);
        assertOneLine(answer);
        assertTrue(answer.text().toLowerCase(Locale.ROOT).contains(says), "says '" + says + "': " + answer);
    }

    private static void assertOneLine(EstClient.Answer answer) {
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("text/plain"), answer.toString());
        String text = answer.text().strip();
        assertFalse(text.isEmpty(), "an error says why: " + answer);
        assertEquals(1, text.lines().count(), "one line: " + answer);
    }

    /** How many certificates {@code homeward:ca} lists for the host of alice (a row each: zone, host, serial, ...). */
    private static long certificatesOf(String host) throws IOException, InterruptedException {
        return rendezvous.run("homeward:ca").stream().map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length > 2 && f[0].equals(ZONE) && f[1].equals(host)).count();
    }

    /** Every file of the data directory but the logs and the journal's own bookkeeping, with its size. */
    private static Map<String, Long> storedFiles() throws IOException {
        Path data = rendezvous.data();
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String relative = data.relativize(p).toString();
                if (!relative.endsWith(".log") && !relative.startsWith("felix") && !relative.startsWith("dns")
                        && !relative.startsWith("config")) {
                    files.put(relative, Files.size(p));
                }
            }
        }
        return files;
    }

    private static String jsonString(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + field + " in " + json);
        }
        return m.group(1);
    }
}
