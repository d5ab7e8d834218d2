package io.homeward.rendezvous.accounts.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.auth.TsigKey;
import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.PrivateDirectories;

/**
 * The durable store of the hosts' own keys, beside the account file and written the same way (atomically, owner
 * only): one host per line, tab-separated {@code user zone host enrolled algorithm base64-secret}, after a version line.
 */
final class HostKeyFile {
    static final String HEADER = "# homeward host keys v1";
    private static final int FIELDS = 6;

    private final Path file;

    HostKeyFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The stored hosts; empty when the file does not exist yet. */
    List<EnrolledHost> load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        } catch (CharacterCodingException e) {
            throw new CorruptAccountFileException(file + " is not UTF-8 text");
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new CorruptAccountFileException(file + " does not start with the line '" + HEADER + "'");
        }
        List<EnrolledHost> hosts = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                hosts.add(parse(lines.get(i), i + 1));
            }
        }
        return hosts;
    }

    void save(Collection<EnrolledHost> hosts) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (EnrolledHost h : hosts) {
            text.append(h.user()).append('\t').append(h.zone()).append('\t').append(h.host()).append('\t')
                    .append(h.enrolled()).append('\t').append(h.key().algorithm()).append('\t')
                    .append(Base64.getEncoder().encodeToString(h.key().secret())).append('\n');
        }
        PrivateDirectories.create(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
    }

    private EnrolledHost parse(String line, int number) throws CorruptAccountFileException {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            throw new CorruptAccountFileException(file + " line " + number + ": expected " + FIELDS
                    + " tab-separated fields, found " + f.length);
        }
        try {
            byte[] secret = Base64.getDecoder().decode(f[5]);
            if (f[0].isEmpty() || f[2].isEmpty() || !f[1].endsWith(".") || secret.length == 0) {
                throw new IllegalArgumentException("empty user or host, zone without trailing dot or empty key");
            }
            return new EnrolledHost(f[0], f[1], f[2], new TsigKey(f[2] + "." + f[1], f[4], secret), Instant.parse(f[3]));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new CorruptAccountFileException(file + " line " + number + ": " + e.getMessage());
        }
    }
}
