package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.PasswordKeys;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class SignInManagerTest {
    private static final String ZONE = "alice.members.test.";
    private static final String PASSWORD = "correct horse battery";
    private static final TsigKey HOST_KEY = FakeEstServer.hostKey("laptop.alice.members.test");
    private static TsigKey aliceKey;

    @TempDir
    Path data;

    private final RecordingLogger log = new RecordingLogger();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private FakeEstServer est;
    private TestTlsDnsServer server;

    @BeforeAll
    static void deriveOnce() {
        aliceKey = PasswordKeys.derive(ZONE, PASSWORD.toCharArray());
    }

    @BeforeEach
    void start() throws Exception {
        est = new FakeEstServer(clock, Map.of(ZONE, aliceKey.secret()));
        server = new TestTlsDnsServer(Map.of(ZONE, aliceKey, HOST_KEY.name(), HOST_KEY), est.tls(), est.fingerprint());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        est.close();
    }

    private SignInManager manager() {
        KeyProver prover = new TlsKeyProver(Clock.systemUTC(), Duration.ofSeconds(5));
        return new SignInManager(new CredentialsFile(data.resolve("signin")), prover,
                (service, zone, dns) -> service.equals(SrvServerFinder.EST) ? est.address() : server.address(),
                new Enroller(clock, Duration.ofSeconds(5)), publisher,
                new SignInSettings(new HostPort("127.0.0.1", 53), Optional.empty(), () -> "laptop"), scheduler, clock,
                log.logger());
    }

    private SignInRequest request(String zone, String pin) {
        return SignInRequest.of(zone, "alice", server.address().toString(), pin);
    }

    private Path file() {
        return data.resolve("signin/credentials.properties");
    }

    private Path identityFile() {
        return data.resolve("signin/host.pem");
    }

    @Test
    void successEnrollsStoresOnlyTheHostsOwnKeysReadableByTheOwnerAndPublishesCredentials() throws Exception {
        StoredKey stored = manager().signIn(request(ZONE, server.fingerprint()), PASSWORD.toCharArray());

        assertEquals(ZONE, stored.zone());
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        assertFalse(text.contains(PASSWORD), "the password must never be stored");
        assertTrue(text.contains("keyName=" + HOST_KEY.name()), text);
        String secret = Base64.getEncoder().encodeToString(aliceKey.secret());
        assertFalse(text.contains(secret), "the password's key is forgotten once the host has its own");
        assertTrue(log.lines().stream().noneMatch(line -> line.contains(secret)), "the secret must never be logged");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identityFile())));
        assertNotNull(publisher.published);
        assertEquals("alice", publisher.published.userName());
        assertEquals(HOST_KEY.name(), publisher.published.tsigKey().name());
        assertEquals(2, publisher.published.certificateChain().size());
        assertEquals(est.ca.certificate(), publisher.published.accountCa().orElseThrow());
        assertTrue(publisher.published.privateKey().isPresent());
        assertTrue(log.lines().stream().noneMatch(line -> line.contains(PASSWORD)));
    }

    @Test
    void unknownUserSaysSoAndStoresNothing() {
        SignInException e = assertThrows(SignInException.class,
                () -> manager().signIn(request("bob.members.test.", ""), PASSWORD.toCharArray()));

        assertTrue(e.getMessage().startsWith("unknown user"), e.getMessage());
        assertFalse(Files.exists(file()));
        assertNull(publisher.published);
    }

    @Test
    void wrongPasswordSaysSoAndIsShownAsTheLastError() {
        SignInManager manager = manager();
        SignInException e = assertThrows(SignInException.class,
                () -> manager.signIn(request(ZONE, ""), "not the password".toCharArray()));

        assertTrue(e.getMessage().startsWith("wrong password"), e.getMessage());
        assertTrue(manager.status().lastError().contains("wrong password"));
        assertFalse(Files.exists(file()));
        assertNull(publisher.published);
    }

    @Test
    void unreachableServerIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SignInRequest request = SignInRequest.of(ZONE, "alice", "127.0.0.1:" + closedPort, "");

        SignInException e = assertThrows(SignInException.class,
                () -> manager().signIn(request, PASSWORD.toCharArray()));

        assertTrue(e.getMessage().contains("cannot reach the rendezvous server at 127.0.0.1:" + closedPort),
                e.getMessage());
    }

    @Test
    void pinMismatchShowsBothFingerprints() {
        String wrongPin = "AA:".repeat(31) + "AA";

        SignInException e = assertThrows(SignInException.class,
                () -> manager().signIn(request(ZONE, wrongPin), PASSWORD.toCharArray()));

        assertTrue(e.getMessage().contains(server.fingerprint()), e.getMessage());
        assertTrue(e.getMessage().contains(wrongPin), e.getMessage());
        assertEquals(0, server.answered.get(), "no signed request may reach an unpinned server");
        assertFalse(Files.exists(file()));
    }

    @Test
    void withoutAPinTheSeenFingerprintIsLoggedAndStored() throws Exception {
        StoredKey stored = manager().signIn(request(ZONE, ""), PASSWORD.toCharArray());

        assertEquals(server.fingerprint(), stored.pin());
        assertTrue(log.has(LogLevel.WARN, server.fingerprint()), log.toString());
    }

    @Test
    void theServerIsFoundBySrvWhenNotGiven() throws Exception {
        StoredKey stored = manager().signIn(SignInRequest.of(ZONE, "alice", "", ""), PASSWORD.toCharArray());

        assertEquals(server.address(), stored.server());
    }

    @Test
    void restartReusesTheStoredKeyWithoutAPasswordAndVerifiesIt() throws Exception {
        manager().signIn(request(ZONE, server.fingerprint()), PASSWORD.toCharArray());
        publisher.withdraw();
        int before = server.answered.get();

        SignInManager restarted = manager();
        assertTrue(restarted.resume());
        restarted.verifyStored();

        assertEquals(HOST_KEY.name(), publisher.published.tsigKey().name());
        assertEquals(before + 1, server.answered.get());
        assertEquals("", restarted.status().lastError());
    }

    @Test
    void aStoredKeyThatCannotBeVerifiedStaysInUseAndTheFailureIsShown() throws Exception {
        manager().signIn(request(ZONE, server.fingerprint()), PASSWORD.toCharArray());
        server.close();

        SignInManager restarted = manager();
        restarted.resume();
        restarted.verifyStored();

        assertNotNull(publisher.published);
        assertTrue(restarted.status().lastError().contains("could not be verified"), restarted.status().lastError());
        assertTrue(restarted.status().current().isPresent());
    }

    @Test
    void signOutRemovesTheStoredKeyAndWithdrawsTheCredentials() throws Exception {
        SignInManager manager = manager();
        manager.signIn(request(ZONE, ""), PASSWORD.toCharArray());

        assertTrue(manager.signOut());

        assertFalse(Files.exists(file()));
        assertFalse(Files.exists(identityFile()));
        assertNull(publisher.published);
        assertTrue(manager.status().current().isEmpty());
        assertFalse(manager().resume());
    }

    @Test
    void aDamagedStoredFileIsReportedNotFatal() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "zone=alice.members.test.\n");

        SignInManager manager = manager();

        assertFalse(manager.resume());
        assertTrue(manager.status().lastError().contains("damaged"), manager.status().lastError());
        assertNull(publisher.published);
    }

    @Test
    void aRenameStoresAndPublishesTheNewCertificateAndKeyAndSurvivesARestart() throws Exception {
        SignInManager manager = manager();
        manager.signIn(request(ZONE, server.fingerprint()), PASSWORD.toCharArray());

        StoredKey renamed = manager.rename("studio");

        assertEquals("studio.alice.members.test.", renamed.key().name());
        assertEquals("studio", renamed.enrollment().orElseThrow().host());
        assertEquals("studio.alice.members.test.", publisher.published.tsigKey().name());
        assertEquals("CN=studio.alice.members.test",
                publisher.published.certificateChain().get(0).getSubjectX500Principal().getName());
        assertFalse(Files.exists(data.resolve("signin/host-next.pem")), "the new identity is moved into place");
        StoredKey reread = new CredentialsFile(data.resolve("signin")).read().orElseThrow();
        assertEquals("studio", reread.enrollment().orElseThrow().host());
        assertEquals(renamed.certificate().orElseThrow().serial(), reread.certificate().orElseThrow().serial());
        assertTrue(log.has(LogLevel.INFO, "Renamed laptop to studio at the rendezvous"));
    }

    @Test
    void aRefusedRenameKeepsTheWorkingCredentials() throws Exception {
        SignInManager manager = manager();
        StoredKey before = manager.signIn(request(ZONE, server.fingerprint()), PASSWORD.toCharArray());
        est.taken.add("desktop.alice.members.test");
        String stored = Files.readString(file(), StandardCharsets.UTF_8);

        SignInException refused = assertThrows(SignInException.class, () -> manager.rename("desktop"));

        assertTrue(refused.refused());
        assertTrue(refused.getMessage().contains("is another host of the account"), refused.getMessage());
        assertEquals(stored, Files.readString(file(), StandardCharsets.UTF_8));
        assertEquals(HOST_KEY.name(), publisher.published.tsigKey().name());
        assertEquals(before.certificate().orElseThrow().serial(),
                manager.status().current().orElseThrow().certificate().orElseThrow().serial());

        est.mode = FakeEstServer.Mode.DOWN;
        SignInException down = assertThrows(SignInException.class, () -> manager.rename("studio"));
        assertFalse(down.refused(), "a 503 is asked again later");
        assertEquals(stored, Files.readString(file(), StandardCharsets.UTF_8));
    }

    @Test
    void aHostThatIsNotEnrolledHasNothingToRenameAtTheRendezvous() {
        SignInException e = assertThrows(SignInException.class, () -> manager().rename("studio"));
        assertTrue(e.getMessage().startsWith("this host is not enrolled"), e.getMessage());
    }
}
