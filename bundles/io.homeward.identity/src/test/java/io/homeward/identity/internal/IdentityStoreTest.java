package io.homeward.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.identity.Eui64;
import io.homeward.kit.text.Eui64Text;
import io.homeward.testkit.RecordingLogger;

class IdentityStoreTest {
    private static final StoredIdentity IDENTITY = new StoredIdentity(Eui64Text.parse("02-1B-63-FF-FE-84-5A-0C"), "eth0",
            HexFormat.of().parseHex("fd3c9a51e27d0b44021b63fffe845a0c"));

    @TempDir
    Path dir;
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void theSameRunFindsWhatItStored() {
        IdentityStore store = new IdentityStore(dir.resolve("data/identity.properties"), log.logger());
        store.save("uuid-1", IDENTITY);
        StoredIdentity loaded = new IdentityStore(dir.resolve("data/identity.properties"), log.logger()).load("uuid-1").orElseThrow();
        assertEquals(IDENTITY.eui64(), loaded.eui64());
        assertEquals("eth0", loaded.source());
        assertArrayEquals(IDENTITY.ula(), loaded.ula());
        assertTrue(log.lines().isEmpty(), log.lines()::toString);
    }

    @Test
    void anotherRunDoesNotReuseTheAddress() {
        IdentityStore store = new IdentityStore(dir.resolve("identity.properties"), log.logger());
        store.save("uuid-1", IDENTITY);
        assertEquals(Optional.empty(), store.load("uuid-2"));
    }

    @Test
    void nothingStoredYet() {
        assertEquals(Optional.empty(), new IdentityStore(dir.resolve("identity.properties"), log.logger()).load("uuid-1"));
    }

    @Test
    void aDamagedFileIsReportedAndIgnored() throws IOException {
        Path file = dir.resolve("identity.properties");
        Files.writeString(file, "framework.uuid=uuid-1\neui64=02-1B\neui64.source=eth0\nula=fd00\n");
        assertEquals(Optional.empty(), new IdentityStore(file, log.logger()).load("uuid-1"));
        assertEquals(1, log.messages(LogLevel.WARN).size());
        assertTrue(log.messages(LogLevel.WARN).get(0).contains("unreadable identity"), log.lines()::toString);
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        Path file = dir.resolve("identity.properties");
        Files.writeString(file, "framework.uuid=uuid-1\neui64=02-1B-63-FF-FE-84-5A-0C\neui64.source=eth0\n");
        assertEquals(Optional.empty(), new IdentityStore(file, log.logger()).load("uuid-1"));
        assertTrue(log.messages(LogLevel.WARN).get(0).contains("'ula' is missing"), log.lines()::toString);
    }

    @Test
    void withoutADataAreaNothingIsStoredAndThatIsSaid() {
        IdentityStore store = new IdentityStore(null, log.logger());
        store.save("uuid-1", IDENTITY);
        assertEquals(Optional.empty(), store.load("uuid-1"));
        assertTrue(log.messages(LogLevel.WARN).get(0).contains("no data area"), log.lines()::toString);
    }
}
