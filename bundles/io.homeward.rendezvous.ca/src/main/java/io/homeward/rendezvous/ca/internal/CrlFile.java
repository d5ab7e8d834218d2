package io.homeward.rendezvous.ca.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.util.Optional;

import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.pem.Pem;

/** The current CRL as PEM ({@value #NAME}, label {@code X509 CRL}, RFC 7468 §6), for operators and backups. */
final class CrlFile {
    static final String NAME = "crl.pem";

    private final Path file;

    CrlFile(Path file) {
        this.file = file;
    }

    /** The stored CRL if there is one that parses and verifies with the CA's key. */
    Optional<X509CRL> read(CaIdentity ca) throws IOException {
        byte[] pem;
        try {
            pem = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            X509CRL crl = Pem.crl(pem);
            crl.verify(ca.certificate().getPublicKey());
            return Optional.of(crl);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IOException(file + " is not a CRL of this CA: " + e.getMessage(), e);
        }
    }

    void write(X509CRL crl) throws IOException {
        try {
            AtomicFiles.write(file, Pem.encode(Pem.X509_CRL, crl.getEncoded()), AtomicFiles.WORLD_READABLE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the CRL: " + e.getMessage(), e);
        }
    }
}
