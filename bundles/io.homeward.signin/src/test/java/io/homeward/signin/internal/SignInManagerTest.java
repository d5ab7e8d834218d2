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
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.PasswordKeys;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class SignInManagerTest {
    private static final String ZONE = "alice.members.test.";
    private static final String PASSWORD = "correct horse battery";
    private static TsigKey aliceKey;

    @TempDir
    Path data;

    private final RecordingLogger log = new RecordingLogger();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final MutableClock clock = new MutableClock();
    private TestTlsDnsServer server;

    @BeforeAll
    static void deriveOnce() {
        aliceKey = PasswordKeys.derive(ZONE, PASSWORD.toCharArray());
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestTlsDnsServer(Map.of(ZONE, aliceKey));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private SignInManager manager() {
        KeyProver prover = new TlsKeyProver(Clock.systemUTC(), Duration.ofSeconds(5));
        return new SignInManager(new CredentialsFile(data.resolve("signin")), prover,
                (zone, dns) -> server.address(), publisher, new HostPort("127.0.0.1", 53), clock, log.logger());
    }

    private SignInRequest request(String zone, String pin) {
        return SignInRequest.of(zone, "alice", server.address().toString(), pin);
    }

    private Path file() {
        return data.resolve("signin/credentials.properties");
    }

    @Test
    void successStoresOnlyTheDerivedKeyReadableByTheOwnerAndPublishesCredentials() throws Exception {
        StoredKey stored = manager().signIn(request(ZONE, server.fingerprint()), PASSWORD.toCharArray());

        assertEquals(ZONE, stored.zone());
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        assertFalse(text.contains(PASSWORD), "the password must never be stored");
        assertTrue(text.contains("keyName=" + ZONE), text);
        String secret = Base64.getEncoder().encodeToString(aliceKey.secret());
        assertTrue(log.lines().stream().noneMatch(line -> line.contains(secret)), "the secret must never be logged");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertNotNull(publisher.published);
        assertEquals("alice", publisher.published.userName());
        assertEquals(aliceKey.name(), publisher.published.tsigKey().name());
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

        assertEquals(aliceKey.name(), publisher.published.tsigKey().name());
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
}
