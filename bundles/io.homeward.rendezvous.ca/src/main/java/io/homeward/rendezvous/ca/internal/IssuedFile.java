package io.homeward.rendezvous.ca.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.files.AtomicFiles;

/**
 * {@link IssuedCertificates} in a text file rewritten whole at every change ({@link AtomicFiles}): a comment, a line
 * {@code crl-number <n>}, then one line per certificate, tab-separated: the zone (absolute), the host, when it was
 * revoked (ISO 8601) or {@code -}, and the certificate's DER in base64. No file yet means nothing issued yet.
 */
final class IssuedFile {
    static final String NAME = "issued.tsv";
    private static final String HEADER =
            "# Homeward account CA: issued certificates until they expire (docs/enrollment.md)";
    private static final String CRL_NUMBER = "crl-number";
    private static final String NOT_REVOKED = "-";

    private final Path file;

    IssuedFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    IssuedCertificates read() throws DamagedStoreException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return IssuedCertificates.NONE;
        } catch (IOException e) {
            throw new DamagedStoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        BigInteger crlNumber = null;
        List<HostCertificate> certificates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            try {
                if (fields.length == 2 && fields[0].equals(CRL_NUMBER) && crlNumber == null) {
                    crlNumber = new BigInteger(fields[1]);
                } else if (fields.length == 4) {
                    certificates.add(certificate(fields));
                } else {
                    throw new IllegalArgumentException("expected 'crl-number N' once, or zone, host, revoked and"
                            + " certificate");
                }
            } catch (IllegalArgumentException | DateTimeParseException | CertificateException e) {
                throw new DamagedStoreException(file + " line " + (i + 1) + " is damaged: " + e.getMessage(), e);
            }
        }
        if (crlNumber == null || crlNumber.signum() < 0) {
            throw new DamagedStoreException(file + " has no valid crl-number line");
        }
        return new IssuedCertificates(crlNumber, certificates);
    }

    void write(IssuedCertificates issued) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append(CRL_NUMBER).append('\t').append(issued.crlNumber()).append('\n');
        for (HostCertificate certificate : issued.certificates()) {
            try {
                text.append(certificate.zone()).append('\t').append(certificate.host()).append('\t')
                        .append(certificate.revoked().map(Instant::toString).orElse(NOT_REVOKED)).append('\t')
                        .append(Base64.getEncoder().encodeToString(certificate.certificate().getEncoded()))
                        .append('\n');
            } catch (CertificateException e) {
                throw new IOException("cannot encode certificate " + certificate.serial().toString(16), e);
            }
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY);
    }

    private static HostCertificate certificate(String[] fields) throws CertificateException {
        Optional<Instant> revoked = fields[2].equals(NOT_REVOKED) ? Optional.empty()
                : Optional.of(Instant.parse(fields[2]));
        byte[] der = Base64.getDecoder().decode(fields[3]);
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        if (fields[0].isEmpty() || !fields[0].endsWith(".") || fields[1].isEmpty()) {
            throw new IllegalArgumentException("zone or host is empty");
        }
        return new HostCertificate(fields[0], fields[1], certificate, revoked);
    }
}
