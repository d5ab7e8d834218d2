package io.homeward.signin.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.files.PrivateDirectories;

/**
 * {@code <data>/signin/credentials.properties}: the derived key only, readable by its owner only
 * (0600), replaced atomically so a crash leaves the old file or the new one, never half of one.
 */
final class CredentialsFile {
    private final Path file;

    /** @param directory the sign-in's own data directory, {@code <data>/signin} */
    CredentialsFile(Path directory) {
        this.file = directory.resolve("credentials.properties");
    }

    Path path() {
        return file;
    }

    /** The stored key, empty when there is none; a damaged file is an exception naming the file. */
    Optional<StoredKey> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            TsigKey key = new TsigKey(required(p, "keyName"), required(p, "algorithm"),
                    Base64.getDecoder().decode(required(p, "secret")));
            return Optional.of(new StoredKey(required(p, "zone"), required(p, "user"), key,
                    HostPort.parse(required(p, "server")), p.getProperty("pin", ""),
                    Instant.parse(required(p, "since"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + "); sign in again to replace it", e);
        }
    }

    void write(StoredKey stored) throws IOException {
        Properties p = new Properties();
        p.setProperty("zone", stored.zone());
        p.setProperty("user", stored.user());
        p.setProperty("keyName", stored.key().name());
        p.setProperty("algorithm", stored.key().algorithm());
        p.setProperty("secret", Base64.getEncoder().encodeToString(stored.key().secret()));
        p.setProperty("server", stored.server().toString());
        p.setProperty("pin", stored.pin());
        p.setProperty("since", stored.since().toString());
        Path directory = file.getParent();
        PrivateDirectories.create(directory);
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            p.store(out, "Homeward sign-in: the key derived from the password (never the password itself)");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** True when there was a file to remove. */
    boolean delete() throws IOException {
        return Files.deleteIfExists(file);
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value;
    }
}
