package io.homeward.signin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.PrivateDirectories;

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
 * certificate first and the account CA last. Written before {@code credentials.properties}, which names it.</li>
 * <li>{@code revoked}: present once the account revoked this host, with the line saying so; the host then publishes
 * no credentials, even after a restart, until it signs in or joins again.</li>
 * </ul>
 */
final class CredentialsFile {
    private final Path file;
    private final Path identity;
    private final Path revoked;

    /** @param directory the sign-in's own data directory, {@code <data>/signin} */
    CredentialsFile(Path directory) {
        this.file = directory.resolve("credentials.properties");
        this.identity = directory.resolve("host.pem");
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
                        HostPort.parse(required(p, "estServer")), readIdentity()));
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
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            p.store(out, "Homeward sign-in: this host's own key and certificate; never the password or the key "
                    + "derived from it");
        }
        AtomicFiles.write(file, bytes.toByteArray(), AtomicFiles.OWNER_ONLY);
        Files.deleteIfExists(revoked);
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
        boolean identityRemoved = Files.deleteIfExists(identity);
        Files.deleteIfExists(revoked);
        return Files.deleteIfExists(file) || identityRemoved;
    }

    private void writeIdentity(IssuedCertificate certificate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JcaPEMWriter pem = new JcaPEMWriter(new OutputStreamWriter(bytes, StandardCharsets.US_ASCII))) {
            pem.writeObject(new JcaPKCS8Generator(certificate.privateKey(), null));
            for (X509Certificate c : certificate.chain()) {
                pem.writeObject(c);
            }
        }
        AtomicFiles.write(identity, bytes.toByteArray(), AtomicFiles.OWNER_ONLY);
    }

    private IssuedCertificate readIdentity() throws IOException {
        if (!Files.exists(identity)) {
            throw new IllegalArgumentException(identity.getFileName() + " is missing");
        }
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        try (PEMParser pem = new PEMParser(new StringReader(Files.readString(identity, StandardCharsets.US_ASCII)))) {
            Object next;
            while ((next = pem.readObject()) != null) {
                if (next instanceof PrivateKeyInfo info) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                } else if (next instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (CertificateException | IOException e) {
            throw new IllegalArgumentException(identity.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
        if (key == null) {
            throw new IllegalArgumentException(identity.getFileName() + " has no private key");
        }
        return new IssuedCertificate(chain, key);
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value;
    }
}
