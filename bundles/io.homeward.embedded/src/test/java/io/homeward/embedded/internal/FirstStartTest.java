package io.homeward.embedded.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountListener;
import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.kit.files.SecretFiles;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class FirstStartTest {
    private static final String PIN = "AB:".repeat(31) + "AB";

    @TempDir
    Path data;

    private final RecordingLogger log = new RecordingLogger();
    private final FakeAccounts accounts = new FakeAccounts();
    private final List<Map<String, String>> applied = new ArrayList<>();
    private final SignInConfiguration configuration = applied::add;

    private FirstStart firstStart() {
        return new FirstStart(data, "Alice", new Random(7), new MutableClock(), log.logger());
    }

    private static DnsListenerStatus listeners(List<ListenerState> states) {
        return new DnsListenerStatus() {
            @Override
            public List<ListenerState> listeners() {
                return states;
            }

            @Override
            public String tlsFingerprint() {
                return PIN;
            }
        };
    }

    private static DnsListenerStatus running() {
        return listeners(List.of(new ListenerState(DnsTransport.UDP, "127.0.0.1:8053", 0, 0, 0),
                new ListenerState(DnsTransport.TLS, "127.0.0.1:8853", 0, 0, 0)));
    }

    @Test
    void firstStartCreatesTheAccountKeepsThePasswordPrivateAndConfiguresSignIn() throws Exception {
        assertTrue(firstStart().run(accounts, running(), configuration));

        Path passwordFile = data.resolve("account-password");
        String password = Files.readString(passwordFile);
        assertEquals(20, password.length());
        assertEquals(password, accounts.passwords.get("alice"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(List.of(Map.of("zone", "alice.members.test.", "user", "alice",
                "passwordFile", passwordFile.toString(), "server", "127.0.0.1:8853", "tlsFingerprint", PIN)), applied);
        assertTrue(Files.exists(data.resolve("embedded/account")));
        assertEquals(1, log.count(LogLevel.INFO, passwordFile.toString()), log.toString());
        assertTrue(log.lines().stream().noneMatch(line -> line.contains(password)), "never log the password");
    }

    @Test
    void laterStartsDoNothing() {
        firstStart().run(accounts, running(), configuration);
        applied.clear();

        assertTrue(firstStart().run(accounts, running(), configuration));

        assertEquals(1, accounts.changes);
        assertEquals(List.of(), applied);
    }

    @Test
    void aHostAlreadySignedInIsLeftAlone() throws Exception {
        Files.createDirectories(data.resolve("signin"));
        Files.writeString(data.resolve("signin/credentials.properties"), "zone=bob.members.test.\n");

        assertTrue(firstStart().run(accounts, running(), configuration));

        assertEquals(Map.of(), accounts.passwords);
        assertEquals(List.of(), applied);
    }

    @Test
    void waitsForTheTlsListenerThenCompletes() {
        FirstStart firstStart = firstStart();
        DnsListenerStatus udpOnly = listeners(List.of(new ListenerState(DnsTransport.UDP, "127.0.0.1:8053", 0, 0, 0)));

        assertFalse(firstStart.run(accounts, udpOnly, configuration));
        assertFalse(firstStart.run(accounts, udpOnly, configuration));
        assertEquals(Map.of(), accounts.passwords);
        assertEquals(1, log.count(LogLevel.INFO, "waiting"));

        assertTrue(firstStart.run(accounts, running(), configuration));
        assertEquals(1, applied.size());
    }

    @Test
    void anInterruptedFirstStartResumesWithTheSamePassword() throws Exception {
        SecretFiles.write(data.resolve("account-password"), "left-by-a-crash-1234".toCharArray());
        accounts.addUser("alice", "something else".toCharArray());
        FirstStart firstStart = firstStart();
        accounts.listener = listenerOf(firstStart);

        assertTrue(firstStart.run(accounts, running(), configuration));

        assertEquals("left-by-a-crash-1234", accounts.passwords.get("alice"));
        assertEquals(1, applied.size());
        assertTrue(Files.exists(data.resolve("account-password")), "its own reset leaves the file");
    }

    @Test
    void aPasswordChangedElsewhereDeletesTheStaleFileAndNoLaterStartUndoesIt() throws Exception {
        FirstStart firstStart = firstStart();
        firstStart.run(accounts, running(), configuration);
        accounts.listener = listenerOf(firstStart);
        applied.clear();

        accounts.setPassword("alice", "changed in the console".toCharArray());

        assertFalse(Files.exists(data.resolve("account-password")));
        assertEquals(1, log.count(LogLevel.INFO, "own host key"), log.toString());
        assertTrue(firstStart().run(accounts, running(), configuration));
        Files.delete(data.resolve("embedded/account"));
        assertTrue(firstStart().run(accounts, running(), configuration), "even a start without the marker");
        assertEquals("changed in the console", accounts.passwords.get("alice"));
        assertEquals(2, accounts.changes, "the account was neither recreated nor reset");
        assertEquals(List.of(), applied);
    }

    @Test
    void anotherUsersPasswordChangeLeavesTheFile() throws Exception {
        FirstStart firstStart = firstStart();
        firstStart.run(accounts, running(), configuration);
        accounts.addUser("bob", "bob's own password".toCharArray());
        accounts.listener = listenerOf(firstStart);

        accounts.setPassword("bob", "bob's new password".toCharArray());

        assertTrue(Files.exists(data.resolve("account-password")));
    }

    private static AccountListener listenerOf(FirstStart firstStart) {
        return new AccountListener() {
            @Override
            public void accountAdded(Account account) {
            }

            @Override
            public void accountRemoved(Account account) {
            }

            @Override
            public void passwordChanged(Account account) {
                firstStart.passwordChanged(account);
            }
        };
    }

    @Test
    void anAccountThisRuntimeDidNotCreateIsNeverReset() throws Exception {
        accounts.addUser("alice", "the user's own".toCharArray());

        firstStart().run(accounts, running(), configuration);

        assertEquals("the user's own", accounts.passwords.get("alice"));
        assertEquals(List.of(), applied);
        assertTrue(log.has(LogLevel.WARN, "homeward:signin"), log.toString());
    }
}
