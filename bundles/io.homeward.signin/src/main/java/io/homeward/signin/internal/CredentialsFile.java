package io.homeward.signin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.PrivateDirectories;
import io.homeward.kit.files.SecretFiles;
import io.homeward.kit.pem.Pem;
import io.homeward.kit.pem.PemBlock;
import io.homeward.kit.pem.PrivateKeys;

/**
 * What the sign-in keeps in its data directory {@code <data>/signin} (owner-only, {@code rwx------}), each file
 * replaced atomically so a crash leaves the old file or the new one, never half of one:
 * <ul>
 * <li>{@code credentials.properties} ({@code 0600}): {@code zone}, {@code user}; the host's own TSIG key
 * ({@code keyName}, {@code algorithm}, {@code secret} in base64) from enrollment; the rendezvous' coordinates:
 * {@code server} (DNS-over-TLS), {@code pin} (SHA-256 of its TLS certificate), {@code dnsServer} (plain DNS, where
 * SRV records are asked) and {@code estServer} (EST); {@code host}, the host's label; {@code since}. The
 * password-derived master key is never stored: a file an older agent wrote has it instead of the host key and no
 * {@code host}; such a host enrolls with it at start and the file is then rewritten without it.</li>
 * <li>{@code host.pem} ({@code 0600}): the host certificate's private key (PKCS#8), then the chain, the host
 * certificate first and the account CA last. A new one (a renewal, a rename) is written as {@code host-next.pem},
 * then {@code credentials.properties} is replaced naming it ({@code identityFile}), which is the moment the new
 * credentials count; then it is moved over {@code host.pem} and the name dropped again. A crash at any step leaves
 * a key and a certificate that belong together.</li>
 * <li>{@code revoked}: present once the account revoked this host, with the line saying so; the host then publishes
 * no credentials, even after a restart, until it signs in or joins again.</li>
 * </ul>
 */
final class CredentialsFile {
    private final Path file;
    private static final String NEXT_IDENTITY = "host-next.pem";
    private static final String IDENTITY_FILE = "identityFile";

    private final Path identity;
    private final Path nextIdentity;
    private final Path revoked;

    /** @param directory the sign-in's own data directory, {@code <data>/signin} */
    CredentialsFile(Path directory) {
        this.file = directory.resolve("credentials.properties");
        this.identity = directory.resolve("host.pem");
        this.nextIdentity = directory.resolve(NEXT_IDENTITY);
        this.revoked = directory.resolve("revoked");
    }

    Path path() {
        return file;
    }

    /** The stored sign-in, empty when there is none; a damaged file is an exception naming the file. */
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
            Optional<StoredKey.Enrollment> enrollment = Optional.empty();
            if (p.getProperty("host") != null) {
                enrollment = Optional.of(new StoredKey.Enrollment(required(p, "host"),
                        HostPort.parse(required(p, "estServer")), readIdentity(identityOf(p))));
            }
            Optional<HostPort> dnsServer = Optional.ofNullable(p.getProperty("dnsServer")).map(HostPort::parse);
            return Optional.of(new StoredKey(required(p, "zone"), required(p, "user"), key,
                    HostPort.parse(required(p, "server")), p.getProperty("pin", ""),
                    Instant.parse(required(p, "since")), dnsServer, enrollment));
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
        stored.dnsServer().ifPresent(dns -> p.setProperty("dnsServer", dns.toString()));
        PrivateDirectories.create(file.getParent());
        if (stored.enrollment().isPresent()) {
            StoredKey.Enrollment enrollment = stored.enrollment().get();
            p.setProperty("host", enrollment.host());
            p.setProperty("estServer", enrollment.estServer().toString());
            writeIdentity(enrollment.certificate());
            p.setProperty(IDENTITY_FILE, NEXT_IDENTITY);
            store(p);
            Files.move(nextIdentity, identity, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            p.remove(IDENTITY_FILE);
        }
        store(p);
        Files.deleteIfExists(revoked);
    }

    private void store(Properties p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            p.store(out, "Homeward sign-in: this host's own key and certificate; never the password or the key "
                    + "derived from it");
        }
        AtomicFiles.write(file, bytes.toByteArray(), AtomicFiles.OWNER_ONLY);
    }

    /** The file the credentials name, when it is still there (a crash before the move); else {@code host.pem}. */
    private Path identityOf(Properties p) {
        return NEXT_IDENTITY.equals(p.getProperty(IDENTITY_FILE)) && Files.exists(nextIdentity) ? nextIdentity
                : identity;
    }

    /** Remembers that the account revoked the stored host. */
    void markRevoked(String reason) throws IOException {
        AtomicFiles.write(revoked, reason.getBytes(StandardCharsets.UTF_8), AtomicFiles.WORLD_READABLE);
    }

    /** Why the stored host is revoked; empty when it is not. */
    Optional<String> revoked() throws IOException {
        return Files.exists(revoked) ? Optional.of(Files.readString(revoked, StandardCharsets.UTF_8).strip())
                : Optional.empty();
    }

    /** True when there was a sign-in to remove. */
    boolean delete() throws IOException {
        boolean identityRemoved = Files.deleteIfExists(identity) | Files.deleteIfExists(nextIdentity);
        Files.deleteIfExists(revoked);
        return Files.deleteIfExists(file) || identityRemoved;
    }

    private void writeIdentity(IssuedCertificate certificate) throws IOException {
        byte[] chain = Pem.encodeCertificates(certificate.chain());
        byte[] key = Pem.encodeKey(certificate.privateKey());
        byte[] text = Arrays.copyOf(key, key.length + chain.length);
        Arrays.fill(key, (byte) 0);
        System.arraycopy(chain, 0, text, key.length, chain.length);
        SecretFiles.writeThenWipe(nextIdentity, text);
    }

    private static IssuedCertificate readIdentity(Path pem) throws IOException {
        if (!Files.exists(pem)) {
            throw new IllegalArgumentException(pem.getFileName() + " is missing");
        }
        byte[] text = Files.readAllBytes(pem);
        List<PemBlock> blocks = List.of();
        try {
            blocks = Pem.blocks(text);
            PrivateKey key = PrivateKeys.first(blocks).orElseThrow(
                    () -> new IllegalArgumentException(pem.getFileName() + " has no private key"));
            return new IssuedCertificate(Pem.certificates(blocks), key);
        } catch (IOException e) {
            throw new IllegalArgumentException(pem.getFileName() + " cannot be read: " + e.getMessage(), e);
        } finally {
            Arrays.fill(text, (byte) 0);
            blocks.forEach(PemBlock::wipe);
        }
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value;
    }
}
