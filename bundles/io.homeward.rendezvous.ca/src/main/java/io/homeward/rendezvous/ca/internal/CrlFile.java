package io.homeward.rendezvous.ca.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Optional;

import io.homeward.kit.files.AtomicFiles;

/** The current CRL as PEM ({@value #NAME}, label {@code X509 CRL}, RFC 7468 §6), for operators and backups. */
final class CrlFile {
    static final String NAME = "crl.pem";
    private static final String LABEL = "X509 CRL";

    private final Path file;

    CrlFile(Path file) {
        this.file = file;
    }

    /** The stored CRL if there is one that parses and verifies with the CA's key. */
    Optional<X509CRL> read(CaIdentity ca) throws IOException {
        byte[] der;
        try {
            der = Pem.decode(LABEL, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            crl.verify(ca.certificate().getPublicKey());
            return Optional.of(crl);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException(file + " is not a CRL of this CA: " + e.getMessage(), e);
        }
    }

    void write(X509CRL crl) throws IOException {
        try {
            AtomicFiles.write(file, Pem.encode(LABEL, crl.getEncoded()), AtomicFiles.WORLD_READABLE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the CRL: " + e.getMessage(), e);
        }
    }
}
