package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @Test
    void passwordIsGeneratedOnceAndOnlyTheOwnerCanReadIt(@TempDir Path dir) throws Exception {
        DataDirectory data = DataDirectory.open(dir.resolve("data"));
        String first = data.consolePassword();
        assertTrue(first.length() >= 24, "144 random bits in base64");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.passwordFile())));
        assertEquals(first, data.consolePassword());
        data.release();
        DataDirectory again = DataDirectory.open(dir.resolve("data"));
        assertEquals(first, again.consolePassword());
        again.release();
    }

    @Test
    void twoRuntimesCannotShareADataDirectory(@TempDir Path dir) throws Exception {
        DataDirectory first = DataDirectory.open(dir);
        StartupException e = assertThrows(StartupException.class, () -> DataDirectory.open(dir));
        assertTrue(e.getMessage().startsWith("another Homeward runtime is using the data directory"), e.getMessage());
        first.release();
        DataDirectory.open(dir).release();
    }

    @Test
    void unusableDirectoryIsOneClearLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        StartupException e = assertThrows(StartupException.class, () -> DataDirectory.open(file.resolve("data")));
        assertTrue(e.getMessage().startsWith("the data directory " + file.resolve("data") + " is not usable"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void differentDirectoriesGetDifferentPasswords(@TempDir Path dir) throws Exception {
        DataDirectory a = DataDirectory.open(dir.resolve("a"));
        DataDirectory b = DataDirectory.open(dir.resolve("b"));
        assertNotEquals(a.consolePassword(), b.consolePassword());
        a.release();
        b.release();
    }

    @Test
    void aNewDataDirectoryAndItsFrameworkCacheAreOwnerOnly(@TempDir Path dir) throws Exception {
        DataDirectory data = DataDirectory.open(dir.resolve("new/data"));
        assertEquals("rwx------", permissions(data.root()));
        assertEquals("rwx------", permissions(data.frameworkStorage()));
        assertEquals(List.of(), data.tightened(), "nothing to tighten in a directory created owner-only");
        data.release();
    }

    @Test
    void aLooserDataDirectoryAndItsDirectoriesAreTightenedAndReported(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path tls = Files.createDirectories(root.resolve("tls"));
        Path signin = Files.createDirectories(root.resolve("signin"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tls, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(signin, PosixFilePermissions.fromString("rwx------"));
        DataDirectory data = DataDirectory.open(root);
        assertEquals(List.of(root, tls), data.tightened());
        for (Path path : List.of(root, tls, signin, data.frameworkStorage())) {
            assertEquals("rwx------", permissions(path), path.toString());
        }
        data.release();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
