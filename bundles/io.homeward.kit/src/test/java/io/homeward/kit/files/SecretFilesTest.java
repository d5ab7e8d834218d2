package io.homeward.kit.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesOwnerOnlyTextThatReadsBackByItsFirstLine() throws Exception {
        Path file = dir.resolve("sub").resolve("password");
        SecretFiles.write(file, "hünter2\nsecond line\n".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertArrayEquals("hünter2".toCharArray(), SecretFiles.readFirstLine(file));
        assertFalse(Files.exists(file.resolveSibling("password.tmp")));
    }

    @Test
    void bytesAreWrittenOwnerOnlyAndThenWiped() throws Exception {
        Path file = dir.resolve("keys").resolve("server.key");
        byte[] secret = {1, 2, 3};

        SecretFiles.writeThenWipe(file, secret);

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertArrayEquals(new byte[3], secret);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aRewriteReplacesTheWholeFileWithTheGivenPermissions() throws Exception {
        Path file = dir.resolve("server.crt");
        AtomicFiles.write(file, "old and longer".getBytes(), AtomicFiles.WORLD_READABLE);
        AtomicFiles.write(file, "new".getBytes(), AtomicFiles.WORLD_READABLE);
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
