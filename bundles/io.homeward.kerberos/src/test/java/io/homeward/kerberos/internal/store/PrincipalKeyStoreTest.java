package io.homeward.kerberos.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.testkit.MutableClock;

class PrincipalKeyStoreTest {
    static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    static final List<String> HTTP = List.of("HTTP", "home.alice.members.example");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock();

    private PrincipalKeyStore open() throws IOException {
        return PrincipalKeyStore.open(directory.resolve("kerberos"), REALM, new SecureRandom(), clock);
    }

    private Path file() {
        return directory.resolve("kerberos").resolve(REALM + ".keytab");
    }

    @Test
    void makesTheTicketGrantingKeysOnceInAnOwnerOnlyKeytab() throws Exception {
        PrincipalKeyStore store = open();
        PrincipalKeys tgs = store.ticketGranting();
        assertEquals("krbtgt/" + REALM + "@" + REALM, tgs.principal());
        assertEquals(1, tgs.kvno());
        assertEquals(Set.of(EncryptionType.values()), tgs.types());
        assertNotEquals(HexOf.key(tgs, EncryptionType.AES256_CTS_HMAC_SHA1_96),
                HexOf.key(tgs, EncryptionType.AES256_CTS_HMAC_SHA384_192));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())));

        PrincipalKeys again = open().ticketGranting();
        for (EncryptionType type : EncryptionType.values()) {
            assertArrayEquals(tgs.key(type), again.key(type));
        }
    }

    @Test
    void registersAServiceOnceAndKeepsItsKeysAcrossRestarts() throws Exception {
        PrincipalKeyStore store = open();
        assertEquals(Optional.empty(), store.find(HTTP));
        PrincipalKeys http = store.register(HTTP);
        assertEquals("HTTP/home.alice.members.example@" + REALM, http.principal());
        assertArrayEquals(http.key(EncryptionType.AES256_CTS_HMAC_SHA1_96),
                store.register(HTTP).key(EncryptionType.AES256_CTS_HMAC_SHA1_96));
        assertEquals(List.of("HTTP/home.alice.members.example@" + REALM, "krbtgt/" + REALM + "@" + REALM),
                store.principals());

        PrincipalKeyStore reopened = open();
        assertArrayEquals(http.key(EncryptionType.AES256_CTS_HMAC_SHA384_192),
                reopened.find(HTTP).orElseThrow().key(EncryptionType.AES256_CTS_HMAC_SHA384_192));
    }

    @Test
    void handsOutCopiesOfTheKeys() throws Exception {
        PrincipalKeys tgs = open().ticketGranting();
        byte[] key = tgs.key(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        Arrays.fill(key, (byte) 0);
        assertNotEquals(HexOf.bytes(key), HexOf.key(tgs, EncryptionType.AES256_CTS_HMAC_SHA1_96));
    }

    @Test
    void exportsOnlyTheServicesKeys() throws Exception {
        PrincipalKeyStore store = open();
        store.register(HTTP);
        List<KeytabEntry> exported = Keytabs.read(store.keytab(HTTP).orElseThrow());
        assertEquals(2, exported.size());
        assertTrue(exported.stream().allMatch(e -> e.components().equals(HTTP) && e.nameType() == 3));
        assertEquals(Optional.empty(), store.keytab(List.of("cifs", "home.alice.members.example")));
    }

    @Test
    void refusesNamesThatAreNotServicePrincipals() throws Exception {
        PrincipalKeyStore store = open();
        for (List<String> name : List.of(List.<String>of(), List.of("a", "b", "c"), List.of("", "h"),
                List.of("HT/TP", "h"), List.of("HTTP", "h@x"), List.of("HTTP", "hé"), List.of("krbtgt", "X"))) {
            assertThrows(IllegalArgumentException.class, () -> store.register(name), name.toString());
        }
        assertThrows(IllegalArgumentException.class,
                () -> PrincipalKeyStore.open(directory, "home.example", new SecureRandom(), clock));
        assertThrows(IllegalArgumentException.class,
                () -> PrincipalKeyStore.open(directory, "../ETC", new SecureRandom(), clock));
    }

    @Test
    void leavesACorruptFileAsItIsAndSaysWhyInOneLine() throws Exception {
        open().register(HTTP);
        byte[] good = Files.readAllBytes(file());
        byte[] corrupt = Arrays.copyOf(good, good.length - 3);
        Files.write(file(), corrupt);
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains(file().toString()) && e.getMessage().contains("left as it is"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertArrayEquals(corrupt, Files.readAllBytes(file()));
    }

    @Test
    void refusesKeysOfAnotherRealm() throws Exception {
        Files.createDirectories(file().getParent());
        Files.write(file(), Keytabs.write(List.of(new KeytabEntry(HTTP, "OTHER.EXAMPLE", 3, clock.instant(), 1, 18,
                new byte[32]))));
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("not of the realm " + REALM), e.getMessage());
    }

    @Test
    void keepsOldVersionsAndUnknownTypesAndAddsTheTypesAPrincipalLacks() throws Exception {
        Files.createDirectories(file().getParent());
        List<KeytabEntry> written = new ArrayList<>();
        written.add(new KeytabEntry(HTTP, REALM, 3, clock.instant(), 1, 18, filled(1)));
        written.add(new KeytabEntry(HTTP, REALM, 3, clock.instant(), 2, 18, filled(2)));
        written.add(new KeytabEntry(HTTP, REALM, 3, clock.instant(), 2, 17, new byte[16]));
        Files.write(file(), Keytabs.write(written));

        PrincipalKeys http = open().find(HTTP).orElseThrow();
        assertEquals(2, http.kvno());
        assertArrayEquals(filled(2), http.key(EncryptionType.AES256_CTS_HMAC_SHA1_96));
        List<KeytabEntry> now = Keytabs.read(Files.readAllBytes(file()));
        assertTrue(now.stream().anyMatch(e -> e.kvno() == 1 && e.enctype() == 18));
        assertTrue(now.stream().anyMatch(e -> e.kvno() == 2 && e.enctype() == 17));
        assertTrue(now.stream().anyMatch(e -> e.kvno() == 2 && e.enctype() == 20 && e.components().equals(HTTP)));
        assertEquals(written.size() + 3, now.size(), "the service's aes256-sha384 key and the krbtgt's two keys");
    }

    @Test
    void aFailedWriteChangesNothing() throws Exception {
        PrincipalKeyStore store = open();
        byte[] before = Files.readAllBytes(file());
        // The temporary file's name taken by a directory that cannot be deleted: the write fails.
        Files.createDirectories(file().resolveSibling(REALM + ".keytab.tmp").resolve("blocker"));
        IOException e = assertThrows(IOException.class, () -> store.register(HTTP));
        assertTrue(e.getMessage().startsWith("The KDC's keys could not be written"), e.getMessage());
        assertEquals(Optional.empty(), store.find(HTTP));
        assertEquals(1, store.principals().size());
        assertArrayEquals(before, Files.readAllBytes(file()));
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    /** Keys as text, for comparing without keeping copies around. */
    static final class HexOf {
        static String key(PrincipalKeys keys, EncryptionType type) {
            return bytes(keys.key(type));
        }

        static String bytes(byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
    }
}
