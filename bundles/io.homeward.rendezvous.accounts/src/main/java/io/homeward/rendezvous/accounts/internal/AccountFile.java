package io.homeward.rendezvous.accounts.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.homeward.api.accounts.Account;
import io.homeward.api.auth.TsigKey;
import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.PrivateDirectories;

/**
 * The durable account store: a text file, one user per line, tab-separated:
 * {@code user zone created changed algorithm base64-secret}, after a version line. Writes go to a
 * temporary file that is synced and renamed over the old one, then the directory is synced, so a
 * crash leaves either the old or the new file, never a mix.
 */
final class AccountFile {
    static final String HEADER = "# homeward accounts v1";
    private static final int FIELDS = 6;

    private final Path file;

    AccountFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The stored accounts by user name; empty when the file does not exist yet. */
    Map<String, StoredAccount> load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        } catch (CharacterCodingException e) {
            throw new CorruptAccountFileException(file + " is not UTF-8 text");
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new CorruptAccountFileException(file + " does not start with the line '" + HEADER + "'");
        }
        Map<String, StoredAccount> accounts = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            StoredAccount account = parse(lines.get(i), i + 1);
            if (accounts.put(account.account().user(), account) != null) {
                throw new CorruptAccountFileException(file + " line " + (i + 1) + ": user "
                        + account.account().user() + " appears twice");
            }
        }
        return accounts;
    }

    void save(Collection<StoredAccount> accounts) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (StoredAccount stored : accounts) {
            Account a = stored.account();
            TsigKey key = stored.key();
            text.append(a.user()).append('\t').append(a.zone()).append('\t').append(a.created()).append('\t')
                    .append(a.changed()).append('\t').append(key.algorithm()).append('\t')
                    .append(Base64.getEncoder().encodeToString(key.secret())).append('\n');
        }
        Path directory = file.toAbsolutePath().getParent();
        PrivateDirectories.create(directory);
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
    }

    private StoredAccount parse(String line, int number) throws CorruptAccountFileException {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            throw new CorruptAccountFileException(file + " line " + number + ": expected " + FIELDS
                    + " tab-separated fields, found " + f.length);
        }
        try {
            Account account = new Account(f[0], f[1], Instant.parse(f[2]), Instant.parse(f[3]));
            byte[] secret = Base64.getDecoder().decode(f[5]);
            if (f[0].isEmpty() || !f[1].endsWith(".") || secret.length == 0) {
                throw new IllegalArgumentException("empty user, zone without trailing dot or empty key");
            }
            return new StoredAccount(account, new TsigKey(f[1], f[4], secret));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new CorruptAccountFileException(file + " line " + number + ": " + e.getMessage());
        }
    }
}
