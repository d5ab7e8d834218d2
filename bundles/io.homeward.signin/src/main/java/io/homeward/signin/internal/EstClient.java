package io.homeward.signin.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.dns.PinnedTrust;

/**
 * The HTTPS requests of EST (RFC 7030) and the rendezvous' two additions, as docs/enrollment.md's table lists them,
 * to one server whose TLS certificate is pinned. Every answer is bounded in size and time; every failure is one
 * {@link SignInException} line, the server's own {@code text/plain} line when it refused.
 */
final class EstClient {
    static final int MAX_ANSWER = 64 * 1024;
    private static final int MAX_ERROR_LINE = 300;
    private static final String PKCS10 = "application/pkcs10";

    private final HostPort server;
    private final String pin;
    private final Duration timeout;

    /** @param pin canonical SHA-256 fingerprint of the server's TLS certificate; never empty for enrollment */
    EstClient(HostPort server, String pin, Duration timeout) {
        this.server = server;
        this.pin = pin;
        this.timeout = timeout;
    }

    /**
     * {@code simpleenroll} (RFC 7030 §4.2.1); the issued certificates.
     *
     * @param authorization the {@code Authorization} value for the HTTP body as sent (the base64 request)
     */
    List<X509Certificate> simpleEnroll(byte[] request, Function<byte[], String> authorization)
            throws SignInException {
        byte[] body = Base64.getEncoder().encode(request);
        return certificates(exchange("POST", "/.well-known/est/simpleenroll", body, PKCS10,
                Optional.of(authorization.apply(body)), Optional.empty()), "simpleenroll");
    }

    /** {@code simplereenroll} (RFC 7030 §4.2.2), authenticated by the current certificate in the TLS handshake. */
    List<X509Certificate> simpleReenroll(byte[] request, IssuedCertificate current) throws SignInException {
        return certificates(exchange("POST", "/.well-known/est/simplereenroll", Base64.getEncoder().encode(request),
                PKCS10, Optional.empty(),
                Optional.of(current)), "simplereenroll");
    }

    /**
     * {@code /.well-known/homeward/rename} (docs/enrollment.md, "Renaming a host"), authenticated by the current
     * certificate: the certificate and key for the new name the request names.
     */
    HostKeyJson.Renamed rename(byte[] request, IssuedCertificate current) throws SignInException {
        byte[] answer = exchange("POST", "/.well-known/homeward/rename", Base64.getEncoder().encode(request), PKCS10,
                Optional.empty(), Optional.of(current));
        try {
            return HostKeyJson.parseRenamed(new String(answer, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SignInException("the enrollment server at " + server + " sent an unusable answer to the"
                    + " rename: " + e.getMessage());
        }
    }

    /** {@code cacerts} (RFC 7030 §4.1): the account CA's certificates. */
    List<X509Certificate> caCertificates() throws SignInException {
        return certificates(exchange("GET", "/.well-known/est/cacerts", null, null, Optional.empty(),
                Optional.empty()), "cacerts");
    }

    /** The host's own TSIG key, authenticated by its certificate. */
    TsigKey hostKey(IssuedCertificate current) throws SignInException {
        byte[] answer = exchange("POST", "/.well-known/homeward/hostkey", new byte[0], "application/json",
                Optional.empty(), Optional.of(current));
        try {
            return HostKeyJson.parse(new String(answer, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SignInException("the enrollment server at " + server + " sent an unusable host key: "
                    + e.getMessage());
        }
    }

    /** The account CA's CRL, DER (RFC 5280 §5). */
    X509CRL crl() throws SignInException {
        byte[] answer = exchange("GET", "/.well-known/homeward/crl", null, null, Optional.empty(), Optional.empty());
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(answer));
        } catch (CertificateException | CRLException | ClassCastException e) {
            throw new SignInException("the enrollment server at " + server + " sent a CRL that cannot be read");
        }
    }

    /** RFC 7030 §4.1.3 and §4.2.3: base64 of a certs-only PKCS#7 (CMS SignedData without signers). */
    private List<X509Certificate> certificates(byte[] answer, String request) throws SignInException {
        try {
            byte[] der = Base64.getMimeDecoder().decode(answer);
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(der))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new CertificateException("no certificate in it");
            }
            return certificates;
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw new SignInException("the enrollment server at " + server + " answered " + request
                    + " with something that is not a certificate");
        }
    }

    private byte[] exchange(String method, String path, byte[] body, String contentType,
            Optional<String> authorization, Optional<IssuedCertificate> client) throws SignInException {
        PinnedTrust trust = new PinnedTrust(pin);
        HttpsURLConnection connection;
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers(client), new TrustManager[] {trust}, null);
            connection = (HttpsURLConnection) new URL("https", server.host(), server.port(), path)
                    .openConnection(Proxy.NO_PROXY);
            connection.setSSLSocketFactory(tls.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new SignInException("cannot prepare a TLS connection to " + server + ": " + e.getMessage(), e);
        }
        // The pinned certificate is the trust anchor; the name in it is not what the agent dialled.
        connection.setHostnameVerifier((host, session) -> true);
        connection.setConnectTimeout((int) timeout.toMillis());
        connection.setReadTimeout((int) timeout.toMillis());
        connection.setUseCaches(false);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestProperty("Connection", "close");
        try {
            connection.setRequestMethod(method);
            authorization.ifPresent(value -> connection.setRequestProperty("Authorization", value));
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", contentType);
                if (PKCS10.equals(contentType)) {
                    connection.setRequestProperty("Content-Transfer-Encoding", "base64");
                }
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_OK) {
                try (InputStream in = connection.getInputStream()) {
                    return bounded(in);
                }
            }
            throw new SignInException(refusal(status, connection.getErrorStream()), status);
        } catch (SSLException e) {
            if (trust.mismatched()) {
                throw new SignInException("the enrollment server at " + server + " presented a TLS certificate with "
                        + "SHA-256 fingerprint " + trust.seen() + " but the pin is " + pin
                        + "; check you are talking to the right server");
            }
            throw new SignInException("TLS with the enrollment server at " + server + " failed: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            throw new SignInException("the enrollment server at " + server + " did not answer within "
                    + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new SignInException("cannot reach the enrollment server at " + server + ": " + e.getMessage());
        } catch (IOException e) {
            throw new SignInException("the exchange with the enrollment server at " + server + " failed: "
                    + e.getMessage());
        } finally {
            connection.disconnect();
        }
    }

    /** The server's one line (docs/enrollment.md: errors are one line of text/plain), else the status. */
    private String refusal(int status, InputStream error) throws IOException {
        String line = "";
        if (error != null) {
            try (InputStream in = error) {
                line = firstLine(new String(bounded(in), StandardCharsets.UTF_8));
            } catch (SignInException tooLong) {
                line = "";
            }
        }
        return line.isEmpty() ? "the enrollment server at " + server + " answered HTTP " + status
                : line + " (HTTP " + status + " from the enrollment server at " + server + ")";
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        StringBuilder printable = new StringBuilder();
        line.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_ERROR_LINE)
                .forEach(printable::appendCodePoint);
        return printable.toString().strip();
    }

    private byte[] bounded(InputStream in) throws IOException, SignInException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (out.size() + read > MAX_ANSWER) {
                throw new SignInException("the enrollment server at " + server + " sent more than "
                        + MAX_ANSWER / 1024 + " KiB; that is no EST answer");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static KeyManager[] keyManagers(Optional<IssuedCertificate> client) throws GeneralSecurityException,
            IOException {
        if (client.isEmpty()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "in-memory".toCharArray();
        store.setKeyEntry("host", client.get().privateKey(), password,
                client.get().chain().toArray(new X509Certificate[0]));
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, password);
        return managers.getKeyManagers();
    }
}
