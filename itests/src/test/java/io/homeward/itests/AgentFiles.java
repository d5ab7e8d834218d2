package io.homeward.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an enrolled agent keeps in its data directory (docs/enrollment.md, "After a successful enrollment"), read as
 * a person would find it: the host certificate among its PEM files ({@code host.pem}) and the host's TSIG key (the
 * sign-in's {@code credentials.properties}: keyName, algorithm, secret).
 */
public final class AgentFiles {
    private static final Pattern JSON_SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");
    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");
    private static final long SMALL = 16 * 1024;

    private AgentFiles() {
    }

    /** The host certificate for {@code fqdn} (absolute) the agent stored, if it stored one. */
    public static Optional<X509Certificate> certificate(Path data, String fqdn) throws IOException, GeneralSecurityException {
        String subject = "CN=" + fqdn.substring(0, fqdn.length() - 1);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Path file : files(data)) {
            Matcher pem = PEM_CERTIFICATE.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
            while (pem.find()) {
                X509Certificate c = (X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(pem.group(1))));
                if (c.getSubjectX500Principal().getName().equals(subject)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** {@link #certificate}, failing with the directory's files when there is none. */
    public static X509Certificate requireCertificate(Path data, String fqdn) throws IOException, GeneralSecurityException {
        return certificate(data, fqdn).orElseThrow(() -> new AssertionError("no certificate for " + fqdn + " in " + data
                + ": " + names(data)));
    }

    /**
     * The host's TSIG key named {@code fqdn} as {@code dig -y} and {@code nsupdate -y} take it:
     * {@code hmac-sha256:name:secret}.
     */
    public static String hostKey(Path data, String fqdn) throws IOException {
        for (Path file : files(data)) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (!text.contains(fqdn)) {
                continue;
            }
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            if (fqdn.equals(properties.getProperty("keyName")) && properties.getProperty("secret") != null) {
                String algorithm = properties.getProperty("algorithm", "hmac-sha256").toLowerCase(Locale.ROOT);
                return algorithm.replaceFirst("\\.$", "") + ":" + fqdn + ":" + properties.getProperty("secret");
            }
            Matcher json = JSON_SECRET.matcher(text);
            if (json.find()) {
                return "hmac-sha256:" + fqdn + ":" + json.group(1);
            }
        }
        throw new AssertionError("no host key named " + fqdn + " in " + data + ": " + names(data));
    }

    /** The small regular files of the data directory, logs and the framework's cache left out. */
    private static List<Path> files(Path data) throws IOException {
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).filter(p -> !data.relativize(p).startsWith("framework"))
                    .filter(p -> !p.getFileName().toString().endsWith(".log")).filter(p -> p.toFile().length() <= SMALL)
                    .toList();
        }
    }

    private static List<String> names(Path data) {
        try {
            return files(data).stream().map(p -> data.relativize(p).toString()).toList();
        } catch (IOException e) {
            return List.of(e.toString());
        }
    }
}
