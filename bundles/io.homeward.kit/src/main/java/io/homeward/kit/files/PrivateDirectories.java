package io.homeward.kit.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories only their owner may enter ({@code rwx------}), for keys, passwords and journals: other local users
 * can then read nothing in them, whatever the permissions of the files inside.
 */
public final class PrivateDirectories {
    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectories() {
    }

    /**
     * Creates {@code directory} and its missing parents owner-only, or makes an existing one owner-only; permissions
     * are left alone on a file system without POSIX permissions. Returns {@code directory}.
     */
    public static Path create(Path directory) throws IOException {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectories(directory);
        }
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        if (!Files.getPosixFilePermissions(directory).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        }
        return directory;
    }
}
