package io.homeward.rendezvous.ca.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.log.Logger;

import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.PrivateDirectories;
import io.homeward.kit.files.SecretFiles;
import io.homeward.kit.pem.Pem;
import io.homeward.kit.pem.PrivateKeys;

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
        AtomicFiles.write(certificateFile, Pem.encodeCertificates(List.of(made.certificate())),
                AtomicFiles.WORLD_READABLE);
        SecretFiles.writeThenWipe(keyFile, Pem.encodeKey(made.key()));
        log.info("made the account CA '{}' in {}", commonName, directory);
        return made;
    }

    private static CaIdentity load(Path keyFile, Path certificateFile) throws IOException {
        if (!Files.exists(certificateFile)) {
            throw new IOException("the CA key " + keyFile + " is there but its certificate " + certificateFile
                    + " is not; restore it from a backup (the key is never replaced)");
        }
        X509Certificate certificate;
        try {
            certificate = Pem.certificates(Pem.blocks(Files.readAllBytes(certificateFile))).stream().findFirst()
                    .orElseThrow(() -> new IOException("no PEM CERTIFICATE block"));
        } catch (IOException e) {
            throw new IOException("the CA certificate " + certificateFile + " is damaged: " + e.getMessage(), e);
        }
        byte[] pem = Files.readAllBytes(keyFile);
        byte[] der = null;
        try {
            der = Pem.decode(Pem.PRIVATE_KEY, pem);
            CaIdentity identity = new CaIdentity(PrivateKeys.pkcs8(der), certificate);
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
