package io.homeward.kit.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoriesTest {
    @TempDir
    Path dir;

    @Test
    void createsTheDirectoryAndItsMissingParentsOwnerOnly() throws Exception {
        Path created = PrivateDirectories.create(dir.resolve("data/tls"));
        assertEquals(dir.resolve("data/tls"), created);
        assertEquals("rwx------", permissions(created));
        assertEquals("rwx------", permissions(created.getParent()));
    }

    @Test
    void makesAnExistingLooserDirectoryOwnerOnlyAndKeepsItsFiles() throws Exception {
        Path existing = Files.createDirectories(dir.resolve("signin"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(existing.resolve("credentials"), "kept");
        PrivateDirectories.create(existing);
        assertEquals("rwx------", permissions(existing));
        assertEquals("kept", Files.readString(existing.resolve("credentials")));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
