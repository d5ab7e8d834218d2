package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.testkit.MutableClock;

class InviteBookTest {
    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock();

    private InviteBook open() throws IOException {
        return InviteBook.open(data.resolve("enroll"), clock, new SecureRandom());
    }

    @Test
    void keepsInvitesAndTheirUseAcrossARestartInAnOwnerOnlyFile() throws Exception {
        InviteBook book = open();
        Invite laptop = book.create("alice", Optional.of("laptop"), Duration.ofHours(1));
        Invite any = book.create("alice", Optional.empty(), Duration.ofDays(7));
        book.use(any.id());
        book.wrongProof(laptop.id());

        Path file = data.resolve("enroll").resolve(InviteFile.NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        InviteBook reopened = open();
        Invite read = reopened.find(laptop.id()).orElseThrow();
        assertEquals(Optional.of("laptop"), read.host());
        assertEquals(1, read.failures());
        assertEquals(HexFormat.of().formatHex(laptop.secret()), HexFormat.of().formatHex(read.secret()));
        assertEquals(clock.instant(), reopened.find(any.id()).orElseThrow().used().orElseThrow());
        assertEquals(1, reopened.pending("alice").size());
    }

    @Test
    void boundsValidityAndPendingInvitesPerUser() throws Exception {
        InviteBook book = open();
        assertThrows(IllegalArgumentException.class, () -> book.create("alice", Optional.empty(), Duration.ofDays(8)));
        assertThrows(IllegalArgumentException.class, () -> book.create("alice", Optional.empty(), Duration.ofSeconds(5)));
        for (int i = 0; i < InviteBook.MAX_PENDING_PER_USER; i++) {
            book.create("alice", Optional.empty(), Duration.ofHours(1));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> book.create("alice", Optional.empty(), Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("20 pending invites already"), e.getMessage());
        book.create("bob", Optional.empty(), Duration.ofHours(1));
    }

    @Test
    void prunesInvitesADayAfterTheyExpire() throws Exception {
        InviteBook book = open();
        Invite old = book.create("alice", Optional.empty(), Duration.ofHours(1));
        clock.advance(Duration.ofHours(2));
        assertTrue(book.find(old.id()).isPresent(), "kept to say it expired");
        assertTrue(book.pending("alice").isEmpty());
        clock.advance(Duration.ofDays(1));
        book.create("alice", Optional.empty(), Duration.ofHours(1));
        assertFalse(book.find(old.id()).isPresent());
        assertFalse(Files.readString(data.resolve("enroll").resolve(InviteFile.NAME)).contains(old.id()));
    }

    @Test
    void aDamagedFileStopsTheStartRatherThanLosingInvites() throws Exception {
        Path file = data.resolve("enroll").resolve(InviteFile.NAME);
        open().create("alice", Optional.empty(), Duration.ofHours(1));
        Files.writeString(file, Files.readString(file).replaceFirst("\t[0-9a-f]{32}\t", "\tnot-hex\t"));
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("line 2 is not an invite"), e.getMessage());
    }

    @Test
    void readsValiditiesAsOperatorsWriteThem() {
        assertEquals(Duration.ofMinutes(30), Validity.parse("30m"));
        assertEquals(Duration.ofHours(1), Validity.parse("1H"));
        assertEquals(Duration.ofDays(7), Validity.parse(" 7d "));
        assertThrows(IllegalArgumentException.class, () -> Validity.parse("1 week"));
        assertEquals("7d", Validity.text(Duration.ofDays(7)));
        assertEquals("90m", Validity.text(Duration.ofMinutes(90)));
        assertEquals("2h", Validity.text(Duration.ofHours(2)));
    }
}
