package io.homeward.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.dns.PinnedTrust;
import io.homeward.kit.enroll.EnrollmentAuthorization;

/**
 * An EST client (RFC 7030) of the rendezvous' enrollment server, as docs/enrollment.md ("Enrollment over EST")
 * describes it: HTTPS that trusts exactly the pinned certificate (the host name is not checked: the pin is the trust
 * anchor), base64 DER bodies, the {@code Authorization} proof of the kit, and an optional TLS client certificate for
 * {@code simplereenroll} and {@code hostkey}. Answers are returned whatever their status, for the tests to judge.
 */
public final class EstClient {
    public static final String CACERTS = "/.well-known/est/cacerts";
    public static final String SIMPLEENROLL = "/.well-known/est/simpleenroll";
    public static final String SIMPLEREENROLL = "/.well-known/est/simplereenroll";
    public static final String HOSTKEY = "/.well-known/homeward/hostkey";
    public static final String CRL = "/.well-known/homeward/crl";

    private final String base;
    private final String pin;
    private final Optional<InetAddress> from;

    /** {@code address} is {@code host:port}; {@code pin} the SHA-256 of the server's TLS certificate, any hex form. */
    public EstClient(String address, String pin) {
        this(address, pin, Optional.empty());
    }

    private EstClient(String address, String pin, Optional<InetAddress> from) {
        this.base = "https://" + address;
        this.pin = Fingerprints.normalize(pin);
        this.from = from;
    }

    /**
     * The same client connecting from another local address, for example {@code 127.0.0.7}: the server counts failed
     * authentications per source address, so tests that fail on purpose each come from an address of their own.
     */
    public EstClient from(String localAddress) throws UnknownHostException {
        return new EstClient(base.substring("https://".length()), pin, Optional.of(InetAddress.getByName(localAddress)));
    }

    /** An answer: status, content type and body as sent. */
    public record Answer(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The certificates of a certs-only PKCS#7 answer (base64 DER, RFC 7030 §4.1.3 and §4.2.3). */
        public List<X509Certificate> certificates() throws GeneralSecurityException {
            byte[] der = Base64.getMimeDecoder().decode(body);
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der))
                    .forEach(c -> certificates.add((X509Certificate) c));
            return certificates;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (contentType != null && contentType.startsWith("text/") ? text().strip()
                    : body.length + " bytes");
        }
    }

    /** The body of a request: the base64 of the DER, as RFC 7030 §4.2.1 sends a PKCS#10 request. */
    public static byte[] body(byte[] certificationRequest) {
        return Base64.getEncoder().encode(certificationRequest);
    }

    /** The Authorization of docs/enrollment.md ("Who may enroll") for this body, made now. */
    public static String authorization(EnrollmentAuthorization.Scheme scheme, String subject, byte[] key, byte[] body) {
        return EnrollmentAuthorization.sign(scheme, subject, key, Instant.now().getEpochSecond(), body).header();
    }

    public Answer get(String path) throws IOException, GeneralSecurityException {
        return exchange("GET", path, null, null, null);
    }

    /** A {@code simpleenroll} with the given Authorization (null for none) and body as is. */
    public Answer enroll(String authorization, byte[] body) throws IOException, GeneralSecurityException {
        return exchange("POST", SIMPLEENROLL, authorization, body, null);
    }

    /** A POST authenticated by a TLS client certificate, for {@code simplereenroll} and {@code hostkey}. */
    public Answer postAs(String path, PrivateKey key, List<X509Certificate> chain, byte[] body)
            throws IOException, GeneralSecurityException {
        return exchange("POST", path, null, body, keyManagers(key, chain));
    }

    public X509Certificate caCertificate() throws IOException, GeneralSecurityException {
        Answer answer = get(CACERTS);
        if (answer.status() != 200) {
            throw new AssertionError("cacerts answered " + answer);
        }
        return answer.certificates().get(0);
    }

    public X509CRL crl() throws IOException, GeneralSecurityException {
        Answer answer = get(CRL);
        if (answer.status() != 200) {
            throw new AssertionError("the CRL's address answered " + answer);
        }
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(answer.body()));
    }

    private Answer exchange(String method, String path, String authorization, byte[] body, KeyManager[] keys)
            throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys, new TrustManager[] {new PinnedTrust(pin)}, null);
        HttpsURLConnection c = (HttpsURLConnection) new URL(base + path).openConnection();
        c.setSSLSocketFactory(from.isPresent() ? new BoundSockets(tls.getSocketFactory(), from.get()) : tls.getSocketFactory());
        c.setHostnameVerifier((name, session) -> true);
        c.setConnectTimeout(5000);
        c.setReadTimeout(10_000);
        c.setRequestMethod(method);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        if (body != null) {
            // Not in streaming mode: streamed, a 401 without WWW-Authenticate would lose its body in HttpURLConnection.
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/pkcs10");
            c.setRequestProperty("Content-Transfer-Encoding", "base64");
            c.getOutputStream().write(body);
        }
        try {
            int status = c.getResponseCode();
            InputStream in = status < HttpURLConnection.HTTP_BAD_REQUEST ? c.getInputStream() : c.getErrorStream();
            byte[] answer = in == null ? new byte[0] : in.readAllBytes();
            return new Answer(status, c.getContentType(), answer);
        } finally {
            c.disconnect();
        }
    }

    /**
     * TLS sockets bound to a local address before they connect: HttpsURLConnection asks its factory for an unconnected
     * socket and connects it itself.
     */
    private static final class BoundSockets extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        private final InetAddress local;

        BoundSockets(SSLSocketFactory tls, InetAddress local) {
            this.tls = tls;
            this.local = local;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = tls.createSocket();
            socket.bind(new InetSocketAddress(local, 0));
            return socket;
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return tls.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tls.createSocket(host, port, local, 0);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return tls.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tls.createSocket(host, port, local, 0);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return tls.createSocket(address, port, localAddress, localPort);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }

    private static KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("host", key, new char[0], chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, new char[0]);
            return factory.getKeyManagers();
        } catch (IOException e) {
            throw new GeneralSecurityException("an in-memory key store cannot fail to load", e);
        }
    }
}
