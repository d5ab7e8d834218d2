package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.homeward.kit.enroll.InviteCode;
import io.homeward.kit.files.AtomicFiles;

/**
 * {@code invites.tsv}, owner-only: a comment line, then one invite per line, tab-separated: id, user, host ("-" for
 * none), created, expires, secret (hex), failed proofs, used ("-" or when). Written whole with {@link AtomicFiles}.
 */
final class InviteFile {
    static final String NAME = "invites.tsv";
    private static final String HEADER = "# Homeward invites: id user host created expires secret failures used";
    private static final String NONE = "-";
    private static final int FIELDS = 8;

    private InviteFile() {
    }

    static List<Invite> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Invite> invites = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                invites.add(parse(line));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IOException(file + " line " + number + " is not an invite (" + e.getMessage()
                        + "); fix or delete the line", e);
            }
        }
        return invites;
    }

    static void write(Path file, Collection<Invite> invites) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        HexFormat hex = HexFormat.of();
        for (Invite i : invites) {
            text.append(String.join("\t", i.id(), i.user(), i.host().orElse(NONE), i.created().toString(),
                    i.expires().toString(), hex.formatHex(i.secret()), Integer.toString(i.failures()),
                    i.used().map(Instant::toString).orElse(NONE))).append('\n');
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
    }

    private static Invite parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException(f.length + " fields instead of " + FIELDS);
        }
        byte[] secret = HexFormat.of().parseHex(f[5]);
        if (secret.length != InviteCode.SECRET_BYTES || !InviteCode.idOf(secret).equals(f[0])) {
            throw new IllegalArgumentException("the secret does not match the id");
        }
        return new Invite(f[0], f[1], optional(f[2]), Instant.parse(f[3]), Instant.parse(f[4]), secret,
                Integer.parseInt(f[6]), optional(f[7]).map(Instant::parse));
    }

    private static Optional<String> optional(String field) {
        return field.equals(NONE) ? Optional.empty() : Optional.of(field);
    }
}
