package io.homeward.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runtime's data directory: checked writable, locked against a second runtime for the life of
 * the JVM, and home of the framework cache, the log file and the console password. It holds secrets
 * (keys, passwords, the configuration), so it and every directory in it are owner-only ({@code
 * rwx------}): created so, and tightened when an earlier version left them looser.
 */
final class DataDirectory {
    static final String PASSWORD_FILE = "console-password";
    private static final String FRAMEWORK = "framework";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Path> tightened;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock, List<Path> tightened) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.tightened = tightened;
    }

    static DataDirectory open(Path dir) throws StartupException {
        Path root = dir.toAbsolutePath().normalize();
        List<Path> tightened;
        try {
            tightened = createOwnerOnly(root);
            Path probe = Files.createTempFile(root, ".write-check", null);
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new StartupException("the data directory " + root + " is not writable (permission denied on " + e.getFile() + ")");
        } catch (IOException e) {
            throw new StartupException("the data directory " + root + " is not usable: " + e.getMessage());
        }
        try {
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StartupException("another Homeward runtime is using the data directory " + root
                        + " (stop it, or give this one its own --data)");
            }
            return new DataDirectory(root, channel, lock, tightened);
        } catch (IOException e) {
            throw new StartupException("cannot lock the data directory " + root + ": " + e.getMessage());
        }
    }

    /**
     * Creates the data directory and the framework cache owner-only, and makes them and every other
     * directory directly in the data directory owner-only where they are not; returns those it had to
     * tighten. Permissions are left alone on a file system without POSIX permissions.
     */
    private static List<Path> createOwnerOnly(Path root) throws IOException {
        List<Path> tightened = new ArrayList<>();
        if (!root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(root.resolve(FRAMEWORK));
            return tightened;
        }
        Files.createDirectories(root.resolve(FRAMEWORK), PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        List<Path> directories = new ArrayList<>(List.of(root));
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).sorted().forEach(directories::add);
        }
        for (Path directory : directories) {
            if (!Files.getPosixFilePermissions(directory).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY);
                tightened.add(directory);
            }
        }
        return tightened;
    }

    /** Null when another process, or another runtime in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    Path root() {
        return root;
    }

    Path frameworkStorage() {
        return root.resolve(FRAMEWORK);
    }

    /** The directories {@link #open} found readable by other users and made owner-only. */
    List<Path> tightened() {
        return tightened;
    }

    Path logFile() {
        return root.resolve("homeward.log");
    }

    Path passwordFile() {
        return root.resolve(PASSWORD_FILE);
    }

    /**
     * The web console's admin password: generated on first start (144 random bits), kept in a file
     * only the owner can read, and the same on every later start.
     */
    String consolePassword() throws StartupException {
        Path file = passwordFile();
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temp = root.resolve(PASSWORD_FILE + ".new");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return password;
        } catch (IOException e) {
            throw new StartupException("cannot keep the console password in " + file + ": " + e.getMessage());
        }
    }

    void release() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // The lock goes with the process in any case.
        }
    }
}
