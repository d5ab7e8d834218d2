package io.homeward.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.files.SecretFiles;
import io.homeward.kit.pem.PemFiles;

/**
 * The PKCS12 keystore the web console serves HTTPS with, kept owner-only in {@code DATA/console-tls/} with its random
 * password beside it. Built at every start from the rendezvous' certificate and key ({@code DATA/tls/server.crt} and
 * {@code server.key}, PEM) when the runtime has them, so the console follows a renewed certificate; otherwise a
 * self-signed ECDSA P-256 certificate of the console's own ({@link KeytoolCertificate}), made once and reused, so a
 * browser's exception for it stays valid.
 *
 * @param file        the PKCS12 keystore
 * @param password    its password, also the key's
 * @param fingerprint the SHA-256 fingerprint of the certificate served ({@link Fingerprints})
 * @param origin      where the certificate comes from, for the log
 */
record ConsoleKeystore(Path file, String password, String fingerprint, String origin) {
    static final String DIRECTORY = "console-tls";
    static final String PASSWORD_FILE = "keystore-password";
    static final String RENDEZVOUS_KEYSTORE = "rendezvous.p12";
    static final String SELF_SIGNED_KEYSTORE = "self-signed.p12";
    static final String ALIAS = "console";
    static final String TYPE = "PKCS12";

    /** The keystore for a console at {@code address}, from the rendezvous' identity in {@code data} or self-signed. */
    static ConsoleKeystore prepare(Path data, String address, KeytoolCertificate keytool) throws IOException {
        Path directory = data.resolve(DIRECTORY);
        Path certificate = data.resolve("tls").resolve("server.crt");
        Path key = data.resolve("tls").resolve("server.key");
        if (Files.exists(certificate) && Files.exists(key)) {
            String password = password(directory);
            Path file = directory.resolve(RENDEZVOUS_KEYSTORE);
            fromPem(certificate, key, file, password);
            return open(file, password, "the rendezvous' certificate " + certificate);
        }
        Path file = directory.resolve(SELF_SIGNED_KEYSTORE);
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        if (Files.exists(file) && Files.exists(passwordFile)) {
            return open(file, password(directory), "the console's self-signed certificate " + file);
        }
        String password = newPassword(passwordFile);
        Files.deleteIfExists(file);
        keytool.make(file, password, address);
        return open(file, password, "a new self-signed certificate for the console " + file);
    }

    /** Writes the PEM certificate chain and unencrypted private key (RFC 7468) as an owner-only PKCS12 keystore. */
    static void fromPem(Path certificateFile, Path keyFile, Path keystore, String password) throws IOException {
        List<X509Certificate> chain = PemFiles.certificateChain(certificateFile);
        PrivateKey key = PemFiles.privateKey(keyFile);
        char[] secret = password.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, secret, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, secret);
            SecretFiles.writeThenWipe(keystore, out.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make a PKCS12 keystore of " + certificateFile + " and " + keyFile + ": "
                    + e.getMessage(), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static ConsoleKeystore open(Path file, String password, String origin) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(in, password.toCharArray());
            if (!(store.getCertificate(ALIAS) instanceof X509Certificate certificate) || !store.isKeyEntry(ALIAS)) {
                throw new IOException("the keystore " + file + " holds no key and certificate '" + ALIAS + "'");
            }
            return new ConsoleKeystore(file, password, Fingerprints.of(certificate), origin);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stored keystore password, made when missing. */
    private static String password(Path directory) throws IOException {
        Path file = directory.resolve(PASSWORD_FILE);
        return Files.exists(file) ? new String(SecretFiles.readFirstLine(file)) : newPassword(file);
    }

    /** 144 random bits, base64url, kept owner-only. */
    private static String newPassword(Path file) throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        SecretFiles.write(file, password.toCharArray());
        return password;
    }
}
