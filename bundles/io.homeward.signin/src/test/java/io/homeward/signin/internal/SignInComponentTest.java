package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.runtime.ProviderProperties;
import io.homeward.api.signin.RenameState;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.text.PasswordKeys;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestHostIdentity;

/** The component as DS runs it: Credentials registered only while signed in, and the Gogo commands. */
class SignInComponentTest {
    private static final String ZONE = "alice.members.test.";
    private static final String PASSWORD = "correct horse battery";
    private static final TsigKey HOST_KEY = FakeEstServer.hostKey("laptop.alice.members.test");
    private static TsigKey aliceKey;

    @TempDir
    Path data;

    private final RecordingLogger log = new RecordingLogger();
    private FakeBundleContext bundle;
    private FakeEstServer est;
    private TestTlsDnsServer server;
    private SignInComponent component;

    @BeforeAll
    static void deriveOnce() {
        aliceKey = PasswordKeys.derive(ZONE, PASSWORD.toCharArray());
    }

    @BeforeEach
    void start() throws Exception {
        est = new FakeEstServer(Clock.systemUTC(), Map.of(ZONE, aliceKey.secret()));
        server = new TestTlsDnsServer(Map.of(ZONE, aliceKey, HOST_KEY.name(), HOST_KEY), est.tls(), est.fingerprint());
        bundle = new FakeBundleContext(Map.of(DataDirectory.PROPERTY, data.toString()), data.resolve("bundle"));
    }

    @AfterEach
    void stop() throws Exception {
        if (component != null) {
            component.deactivate();
        }
        server.close();
        est.close();
    }

    private SignInComponent activate(Map<String, String> values) {
        SignInComponent.Config config = (SignInComponent.Config) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SignInComponent.Config.class}, (proxy, method, args) -> {
                    Object value = values.get(method.getName());
                    if (value == null && method.getName().equals("estServer")) {
                        return est.address().toString();
                    }
                    return value != null ? value : method.getDefaultValue();
                });
        component = new SignInComponent(bundle.context(), log.logger(), TestHostIdentity.example("eth0", "laptop"),
                config);
        return component;
    }

    private SignInCommand commands(Optional<char[]> typed) {
        return new SignInCommand(activate(Map.of("server", server.address().toString())), prompt -> typed);
    }

    @Test
    void credentialsAreRegisteredOnlyWhileSignedIn() {
        SignInCommand commands = commands(Optional.empty());
        assertEquals(List.of(), bundle.live());
        assertTrue(commands.whoami().startsWith("Not signed in."));

        assertTrue(commands.signin(ZONE, "alice", PASSWORD).startsWith("Signed in as alice"));

        List<FakeBundleContext.Registered> live = bundle.live();
        assertEquals(1, live.size());
        assertEquals("password-tsig", live.get(0).properties.get(ProviderProperties.NAME));
        assertEquals(ZONE, ((Credentials) live.get(0).service).zone());
        assertTrue(commands.whoami().startsWith("Signed in as alice (zone " + ZONE + ")"));

        assertEquals("Signed out; the stored key is removed.", commands.signout());
        assertEquals(List.of(), bundle.live());
    }

    @Test
    void theCommandAsksForThePasswordWhenNotGivenAndReportsFailuresInOneLine() {
        assertTrue(commands(Optional.of("wrong one".toCharArray())).signin(ZONE, "alice")
                .startsWith("Sign-in failed: wrong password"));
        assertTrue(component.status().lastError().contains("wrong password"));
        assertEquals(List.of(), bundle.live());
    }

    @Test
    void withoutATerminalTheCommandExplainsTheAlternatives() {
        assertTrue(commands(Optional.empty()).signin(ZONE, "alice").contains("passwordFile"));
    }

    /** The worker registers Credentials after activation: waits for it, at most 10 s. */
    private void awaitRegistration() throws InterruptedException {
        for (int i = 0; i < 200 && bundle.live().isEmpty(); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void aRestartedAgentIsSignedInFromTheStoredKeyAndStoppingWithdrawsIt() throws Exception {
        commands(Optional.empty()).signin(ZONE, "alice", PASSWORD);
        component.deactivate();
        assertEquals(List.of(), bundle.live());

        activate(Map.of());

        awaitRegistration();
        assertEquals(1, bundle.live().size(), "registered by the worker after activation, not during it");
        assertEquals(HOST_KEY.name(), ((Credentials) bundle.live().get(0).service).tsigKey().name());
    }

    @Test
    void anUnattendedHostSignsInFromItsPasswordFile() throws Exception {
        Path passwordFile = Files.writeString(data.resolve("password"), PASSWORD + "\n");

        activate(Map.of("zone", ZONE, "user", "alice", "passwordFile", passwordFile.toString(),
                "server", server.address().toString(), "tlsFingerprint", server.fingerprint()));

        awaitRegistration();
        assertEquals(1, bundle.live().size(), log.toString());
        assertFalse(Files.readString(data.resolve("signin/credentials.properties")).contains(PASSWORD));
    }

    @Test
    void joinAndCertAnswerInOneLineAndTheRevocationsServiceFollowsTheSignIn() throws Exception {
        SignInCommand commands = commands(Optional.empty());
        assertEquals("Not signed in: no host certificate.", commands.cert());

        SignInException bad = assertThrows(SignInException.class, () -> commands.join("HW1AAAA"));
        assertEquals("the invite code is too short: was it copied whole?", bad.getMessage());

        commands.signin(ZONE, "alice", PASSWORD);
        assertTrue(commands.cert().startsWith("Subject:                    CN=laptop.alice.members.test"),
                commands.cert());
        RevokedCertificatesComponent revoked = new RevokedCertificatesComponent(component);
        assertEquals(Set.of(), revoked.serials());
        Credentials credentials = (Credentials) bundle.live().get(0).service;
        assertFalse(revoked.isRevoked(credentials.certificateChain().get(0)));
    }

    @Test
    void homewardRenameRenamesAtTheRendezvousAndTheAccountContractShowsHowItWent() throws Exception {
        SignInCommand commands = commands(Optional.empty());
        commands.signin(ZONE, "alice", PASSWORD);
        AgentAccountComponent account = new AgentAccountComponent(component);
        assertEquals(Optional.of("laptop"), account.state().signedIn().orElseThrow().host());

        SignInException bad = assertThrows(SignInException.class, () -> commands.rename("bad_name"));
        assertTrue(bad.getMessage().startsWith("not a host name"), bad.getMessage());
        assertTrue(commands.rename("studio").startsWith("Renaming laptop to studio"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (account.state().rename().phase() == RenameState.Phase.RUNNING
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        RenameState done = account.state().rename();
        assertEquals(RenameState.Phase.DONE, done.phase(), done.message());
        assertTrue(done.message().contains("set hostName of io.homeward.identity to studio"),
                "no Configuration Admin here: " + done.message());
        assertEquals("studio." + ZONE, ((Credentials) bundle.live().get(0).service).tsigKey().name());
        assertTrue(commands.whoami().contains("Rename laptop -> studio: renamed laptop to studio"), commands.whoami());
    }
}
