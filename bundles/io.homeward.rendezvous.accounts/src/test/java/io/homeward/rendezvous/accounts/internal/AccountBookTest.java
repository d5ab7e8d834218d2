package io.homeward.rendezvous.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.PasswordKeys;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class AccountBookTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(START);
    private final RecordingLogger log = new RecordingLogger();
    private final RecordingListener listener = new RecordingListener();

    private Path file() {
        return data.resolve("accounts").resolve("accounts.tsv");
    }

    private AccountBook open() {
        return new AccountBook("members.example.", new AccountFile(file()), new HostKeyFile(hostFile()),
                new SecureRandom(), clock, log.logger(), listener);
    }

    private Path hostFile() {
        return data.resolve("accounts").resolve("hosts.tsv");
    }

    private static char[] pw(String text) {
        return text.toCharArray();
    }

    @Test
    void addsAUserWithZoneAndTheSharedDerivedKey() throws Exception {
        AccountBook book = open();
        Account alice = book.addUser("Alice", pw("correct horse"));
        assertEquals(new Account("alice", "alice.members.example.", START, START), alice);
        TsigKey expected = PasswordKeys.derive("alice.members.example.", pw("correct horse"));
        TsigKey stored = book.key("ALICE.members.example").orElseThrow();
        assertEquals(expected.name(), stored.name());
        assertEquals(expected.algorithm(), stored.algorithm());
        assertArrayEquals(expected.secret(), stored.secret());
        assertEquals(List.of("added alice"), listener.events);
        assertTrue(book.key("bob.members.example.").isEmpty());
    }

    @Test
    void setsAPasswordAndRemovesAUser() throws Exception {
        AccountBook book = open();
        book.addUser("bob", pw("first password"));
        clock.advance(Duration.ofHours(1));
        Account changed = book.setPassword("bob", pw("second password"));
        assertEquals(START, changed.created());
        assertEquals(START.plus(Duration.ofHours(1)), changed.changed());
        assertArrayEquals(PasswordKeys.derive("bob.members.example.", pw("second password")).secret(),
                book.key("bob.members.example.").orElseThrow().secret());
        assertTrue(book.removeUser("BOB"));
        assertFalse(book.removeUser("bob"), "already gone");
        assertTrue(book.users().isEmpty());
        assertTrue(book.key("bob.members.example.").isEmpty());
        assertEquals(List.of("added bob", "password bob", "removed bob"), listener.events);
    }

    @Test
    void keepsAccountsAcrossANewInstanceOnTheSameDirectory() throws Exception {
        AccountBook first = open();
        first.addUser("alice", pw("alice password"));
        first.addUser("bob", pw("bob password"));
        first.removeUser("alice");
        AccountBook second = open();
        assertEquals(List.of(new Account("bob", "bob.members.example.", START, START)), second.users());
        assertArrayEquals(PasswordKeys.derive("bob.members.example.", pw("bob password")).secret(),
                second.key("bob.members.example.").orElseThrow().secret());
    }

    @Test
    void storesOnlyTheDerivedKeyInAFileOnlyTheOwnerCanRead() throws Exception {
        open().addUser("carol", pw("Tr0ub4dor&3"));
        String text = Files.readString(file());
        assertFalse(text.contains("Tr0ub4dor"), "the password is not stored");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())));
        assertFalse(Files.exists(file().resolveSibling("accounts.tsv.tmp")));
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("Tr0ub4dor")), "the password is not logged");
    }

    @Test
    void aCorruptFileIsReportedPreservedAndRefusesChangesUntilFixed() throws Exception {
        open().addUser("dave", pw("dave password"));
        String good = Files.readString(file());
        String broken = good.replace("\t", " ");
        Files.writeString(file(), broken);

        AccountBook book = open();
        assertEquals(1, log.count(LogLevel.ERROR, "line 2"));
        AccountException refused = assertThrows(AccountException.class, () -> book.addUser("erin", pw("erin password")));
        assertTrue(refused.getMessage().contains("damaged") && refused.getMessage().contains(file().toString()),
                refused.getMessage());
        assertThrows(AccountException.class, () -> book.removeUser("dave"));
        assertEquals(broken, Files.readString(file(), StandardCharsets.UTF_8), "the damaged file is left as it was");
        assertTrue(listener.events.size() == 1, "nothing was announced");

        Files.writeString(file(), good);
        book.addUser("erin", pw("erin password"));
        assertEquals(List.of("dave", "erin"), book.users().stream().map(Account::user).toList());
    }

    @Test
    void aFileWithoutTheVersionLineIsRefused() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"users\": []}\n");
        AccountBook book = open();
        AccountException e = assertThrows(AccountException.class, () -> book.addUser("frank", pw("frank password")));
        assertTrue(e.getMessage().contains(AccountFile.HEADER), e.getMessage());
    }

    @Test
    void refusesNamesThatAreNotDnsLabelsAndShortPasswords() throws Exception {
        AccountBook book = open();
        AccountException name = assertThrows(AccountException.class, () -> book.addUser("al ice", pw("long enough")));
        assertTrue(name.getMessage().contains("'al ice' cannot be a user name"), name.getMessage());
        assertThrows(AccountException.class, () -> book.addUser("-alice", pw("long enough")));
        assertThrows(AccountException.class, () -> book.addUser("", pw("long enough")));
        AccountException shortPassword = assertThrows(AccountException.class, () -> book.addUser("alice", pw("1234567")));
        assertEquals("a password needs at least 8 characters", shortPassword.getMessage());
        book.addUser("alice", pw("12345678"));
        AccountException twice = assertThrows(AccountException.class, () -> book.addUser("ALICE", pw("12345678")));
        assertTrue(twice.getMessage().contains("already exists"), twice.getMessage());
        AccountException unknown = assertThrows(AccountException.class, () -> book.setPassword("zoe", pw("12345678")));
        assertTrue(unknown.getMessage().contains("no user zoe"), unknown.getMessage());
        assertEquals(List.of("added alice"), listener.events);
    }

    @Test
    void aHostGetsAKeyOfItsOwnNamedAfterItScopedToItAndKeptAcrossRestarts() throws Exception {
        AccountBook book = open();
        book.addUser("alice", pw("correct horse"));
        clock.advance(Duration.ofMinutes(5));
        EnrolledHost laptop = book.enrollHost("alice", "Laptop");
        assertEquals("laptop.alice.members.example.", laptop.key().name());
        assertEquals(AccountBook.HOST_KEY_ALGORITHM, laptop.key().algorithm());
        assertEquals(32, laptop.key().secret().length);
        assertEquals(START.plus(Duration.ofMinutes(5)), laptop.enrolled());
        assertEquals(Optional.of(new KeyScope("alice", "alice.members.example.", Optional.of("laptop"))),
                book.scope("LAPTOP.alice.members.example"));
        assertEquals(Optional.of(new KeyScope("alice", "alice.members.example.", Optional.empty())),
                book.scope("alice.members.example."));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hostFile())));

        AccountBook reopened = open();
        assertArrayEquals(laptop.key().secret(), reopened.key("laptop.alice.members.example.").orElseThrow().secret());
        assertEquals(List.of(laptop.fqdn()), reopened.hosts("alice").stream().map(EnrolledHost::fqdn).toList());
        assertEquals(List.of("added alice", "enrolled laptop.alice.members.example."), listener.events);
    }

    @Test
    void enrollingAgainReplacesTheKeyAndRemovingItRefusesItAtOnce() throws Exception {
        AccountBook book = open();
        book.addUser("alice", pw("correct horse"));
        byte[] first = book.enrollHost("alice", "laptop").key().secret();
        byte[] second = book.enrollHost("alice", "laptop").key().secret();
        assertFalse(java.util.Arrays.equals(first, second), "a new random key");
        assertEquals(1, book.hosts("alice").size());
        assertTrue(book.removeHost("alice", "laptop"));
        assertFalse(book.removeHost("alice", "laptop"), "already gone");
        assertTrue(book.key("laptop.alice.members.example.").isEmpty());
        assertTrue(book.scope("laptop.alice.members.example.").isEmpty());
        assertTrue(open().key("laptop.alice.members.example.").isEmpty(), "gone on disk too");
    }

    @Test
    void aHostOfAnUnknownUserOrWithABadNameIsRefusedAndNothingIsStored() throws Exception {
        AccountBook book = open();
        book.addUser("alice", pw("correct horse"));
        AccountException unknown = assertThrows(AccountException.class, () -> book.enrollHost("bob", "laptop"));
        assertTrue(unknown.getMessage().contains("no user bob"), unknown.getMessage());
        AccountException bad = assertThrows(AccountException.class, () -> book.enrollHost("alice", "lap.top"));
        assertTrue(bad.getMessage().contains("cannot be a host name"), bad.getMessage());
        AccountException endpoint = assertThrows(AccountException.class,
                () -> book.enrollHost("alice", "AutoTunnel-02-1B-63-FF-FE-84-5A-0C"));
        assertTrue(endpoint.getMessage().contains("tunnel endpoints"), endpoint.getMessage());
        assertFalse(Files.exists(hostFile()));
    }

    @Test
    void removingAUserRemovesItsHostKeys() throws Exception {
        AccountBook book = open();
        book.addUser("alice", pw("correct horse"));
        book.enrollHost("alice", "laptop");
        book.removeUser("alice");
        assertTrue(book.key("laptop.alice.members.example.").isEmpty());
        assertTrue(open().hosts("alice").isEmpty());
    }

    @Test
    void aDamagedHostKeyFileIsLeftAloneAndRefusesChanges() throws Exception {
        AccountBook book = open();
        book.addUser("alice", pw("correct horse"));
        book.enrollHost("alice", "laptop");
        Files.writeString(hostFile(), "garbage\n");
        AccountBook damaged = open();
        assertTrue(damaged.key("alice.members.example.").isEmpty(), "nothing usable while damaged");
        assertThrows(AccountException.class, () -> damaged.enrollHost("alice", "home"));
        assertEquals("garbage\n", Files.readString(hostFile()));
    }
}
