package io.homeward.rendezvous.ca.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;

import org.osgi.service.log.Logger;

import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.PrivateDirectories;

/**
 * The CA's key ({@value #KEY_FILE}, PKCS#8 PEM, owner-only) and certificate ({@value #CERTIFICATE_FILE}, PEM) in its
 * directory: made on the first start, read on every later one, never replaced. The certificate is written before
 * the key, so a start interrupted between the two leaves no key and the next start makes both again.
 */
final class CaIdentityFiles {
    static final String KEY_FILE = "ca.key";
    static final String CERTIFICATE_FILE = "ca.crt";

    private CaIdentityFiles() {
    }

    static CaIdentity loadOrCreate(Path directory, String commonName, Clock clock, SecureRandom random, Logger log)
            throws IOException, GeneralSecurityException {
        Path keyFile = directory.resolve(KEY_FILE);
        Path certificateFile = directory.resolve(CERTIFICATE_FILE);
        if (Files.exists(keyFile)) {
            return load(keyFile, certificateFile);
        }
        PrivateDirectories.create(directory);
        CaIdentity made = CaCertificate.create(commonName, clock, random);
        AtomicFiles.write(certificateFile, Pem.encode("CERTIFICATE", made.certificate().getEncoded()),
                AtomicFiles.WORLD_READABLE);
        byte[] der = made.key().getEncoded();
        byte[] pem = Pem.encode("PRIVATE KEY", der);
        try {
            AtomicFiles.write(keyFile, pem, AtomicFiles.OWNER_ONLY);
        } finally {
            Arrays.fill(der, (byte) 0);
            Arrays.fill(pem, (byte) 0);
        }
        log.info("made the account CA '{}' in {}", commonName, directory);
        return made;
    }

    private static CaIdentity load(Path keyFile, Path certificateFile) throws IOException {
        if (!Files.exists(certificateFile)) {
            throw new IOException("the CA key " + keyFile + " is there but its certificate " + certificateFile
                    + " is not; restore it from a backup (the key is never replaced)");
        }
        X509Certificate certificate;
        try (ByteArrayInputStream in = new ByteArrayInputStream(Files.readAllBytes(certificateFile))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("the CA certificate " + certificateFile + " is damaged: " + e.getMessage(), e);
        }
        byte[] pem = Files.readAllBytes(keyFile);
        byte[] der = null;
        try {
            der = Pem.decode("PRIVATE KEY", pem);
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            CaIdentity identity = new CaIdentity(key, certificate);
            checkPair(identity);
            return identity;
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("the CA key " + keyFile + " is damaged or does not match " + certificateFile + ": "
                    + e.getMessage(), e);
        } finally {
            Arrays.fill(pem, (byte) 0);
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    /** Signs and verifies a few bytes: the key and the certificate belong together. */
    private static void checkPair(CaIdentity identity) throws GeneralSecurityException {
        byte[] probe = "homeward account CA".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(CaIdentity.SIGNATURE);
        signer.initSign(identity.key());
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(CaIdentity.SIGNATURE);
        verifier.initVerify(identity.certificate().getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the key is not the certificate's");
        }
    }
}
