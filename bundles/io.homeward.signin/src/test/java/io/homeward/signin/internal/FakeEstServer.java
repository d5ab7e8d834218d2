package io.homeward.signin.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.enroll.EnrollmentAuthorization;
import io.homeward.kit.pem.KeyPairs;

/**
 * A loopback EST server over real TLS, as docs/enrollment.md's table says the rendezvous serves it: user keys and
 * one-time invites enroll, the client certificate authenticates renewal and the host key, errors are one
 * text/plain line. Its modes let tests take it down, make it send garbage or too much.
 */
final class FakeEstServer implements AutoCloseable {
    enum Mode { NORMAL, DOWN, GARBAGE, HUGE }

    private final HttpsServer server;
    private final X509Certificate tlsCertificate;
    private final SSLContext tls;
    final TestAccountCa ca;
    private final Clock clock;
    private final Map<String, byte[]> userKeys;
    private final Map<String, byte[]> invites = new ConcurrentHashMap<>();
    private final Set<String> usedInvites = ConcurrentHashMap.newKeySet();
    /** The host key each enrolled host name gets. */
    final Map<String, TsigKey> hostKeys = new ConcurrentHashMap<>();
    final List<X509Certificate> issued = new CopyOnWriteArrayList<>();
    final AtomicInteger reenrolled = new AtomicInteger();
    /** Host names (CN) a rename to is refused as taken. */
    final Set<String> taken = ConcurrentHashMap.newKeySet();
    volatile Mode mode = Mode.NORMAL;

    /** @param userKeys the secrets of the users' master keys by key name (the zone) */
    FakeEstServer(Clock clock, Map<String, byte[]> userKeys) throws Exception {
        this.clock = clock;
        this.userKeys = userKeys;
        this.ca = new TestAccountCa("members.test.", clock);
        KeyPair keys = KeyPairs.p256(new SecureRandom());
        X500Name subject = new X500Name("CN=rendezvous.test");
        Instant now = Instant.now();
        tlsCertificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.TEN, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))),
                subject, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("tls", keys.getPrivate(), "test".toCharArray(), new X509Certificate[] {tlsCertificate});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, "test".toCharArray());
        tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), new TrustManager[] {new AnyClient()}, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = tls.getDefaultSSLParameters();
                ssl.setWantClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", this::handle);
        server.start();
    }

    HostPort address() {
        return new HostPort("127.0.0.1", server.getAddress().getPort());
    }

    /** The TLS context of this server, for a DNS-over-TLS test server that shares its certificate. */
    SSLContext tls() {
        return tls;
    }

    String fingerprint() {
        return Fingerprints.of(tlsCertificate);
    }

    void invite(String id, byte[] secret) {
        invites.put(id, secret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readNBytes(32 * 1024);
            switch (mode) {
                case DOWN -> answer(exchange, 503, "text/plain", "the rendezvous is restarting, try again soon\n");
                case GARBAGE -> answer(exchange, 200, "application/pkcs7-mime", "this is no certificate at all!");
                case HUGE -> answer(exchange, 200, "application/pkcs7-mime", "A".repeat(200_000));
                default -> route(exchange, body);
            }
        } catch (Exception e) {
            answer(exchange, 500, "text/plain", "test server failed: " + e);
        }
    }

    private void route(HttpExchange exchange, byte[] body) throws Exception {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/.well-known/est/cacerts" -> answer(exchange, 200, "application/pkcs7-mime",
                    Base64.getEncoder().encodeToString(TestAccountCa.certsOnly(List.of(ca.certificate()))));
            case "/.well-known/homeward/crl" -> answer(exchange, 200, "application/pkix-crl", ca.crl().getEncoded());
            case "/.well-known/est/simpleenroll" -> simpleEnroll(exchange, body);
            case "/.well-known/est/simplereenroll" -> {
                X509Certificate client = client(exchange);
                if (client == null) {
                    answer(exchange, 401, "text/plain", "renewal needs this host's certificate\n");
                    return;
                }
                reenrolled.incrementAndGet();
                issue(exchange, commonName(client), body);
            }
            case "/.well-known/homeward/hostkey" -> {
                X509Certificate client = client(exchange);
                TsigKey key = client == null ? null : hostKeys.get(commonName(client));
                if (key == null) {
                    answer(exchange, 401, "text/plain", "no certificate of an enrolled host\n");
                    return;
                }
                answer(exchange, 200, "application/json", "{\"name\": \"" + key.name() + "\", \"algorithm\": \""
                        + key.algorithm() + "\", \"secret\": \"" + Base64.getEncoder().encodeToString(key.secret())
                        + "\"}");
            }
            case "/.well-known/homeward/rename" -> rename(exchange, body);
            default -> answer(exchange, 404, "text/plain", "no such EST request\n");
        }
    }

    private void simpleEnroll(HttpExchange exchange, byte[] body) throws Exception {
        EnrollmentAuthorization authorization;
        try {
            authorization = EnrollmentAuthorization.parse(exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (IllegalArgumentException e) {
            answer(exchange, 401, "text/plain", e.getMessage() + "\n");
            return;
        }
        byte[] key = authorization.scheme() == EnrollmentAuthorization.Scheme.KEY
                ? userKeys.get(authorization.subject()) : invites.get(authorization.subject());
        if (key == null) {
            answer(exchange, 401, "text/plain", "unknown invite or key " + authorization.subject() + "\n");
            return;
        }
        if (!authorization.verifies(key, body)) {
            answer(exchange, 401, "text/plain", "the proof does not verify\n");
            return;
        }
        if (authorization.scheme() == EnrollmentAuthorization.Scheme.INVITE
                && !usedInvites.add(authorization.subject())) {
            answer(exchange, 403, "text/plain", "this invite was already used; ask for a new one\n");
            return;
        }
        issue(exchange, null, body);
    }

    private void issue(HttpExchange exchange, String sameName, byte[] body) throws Exception {
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(body));
        PublicKey key = KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(request.getSubjectPublicKeyInfo().getEncoded()));
        if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
            answer(exchange, 400, "text/plain", "the request's signature does not verify\n");
            return;
        }
        String name = IETFUtils.valueToString(request.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue());
        if (sameName != null && !sameName.equals(name)) {
            answer(exchange, 403, "text/plain", "the request names another host\n");
            return;
        }
        X509Certificate certificate = ca.issue(name, key);
        issued.add(certificate);
        hostKeys.computeIfAbsent(name, FakeEstServer::hostKey);
        answer(exchange, 200, "application/pkcs7-mime",
                Base64.getMimeEncoder().encodeToString(TestAccountCa.certsOnly(List.of(certificate))));
    }

    /** docs/enrollment.md, "Renaming a host": the new certificate and key in one JSON answer; the old key goes. */
    private void rename(HttpExchange exchange, byte[] body) throws Exception {
        X509Certificate client = client(exchange);
        if (client == null) {
            answer(exchange, 401, "text/plain", "a rename needs this host's certificate\n");
            return;
        }
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(body));
        String name = IETFUtils.valueToString(request.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue());
        if (taken.contains(name)) {
            answer(exchange, 403, "text/plain", name + ". is another host of the account: pick another name\n");
            return;
        }
        PublicKey key = KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(request.getSubjectPublicKeyInfo().getEncoded()));
        X509Certificate certificate = ca.issue(name, key);
        issued.add(certificate);
        hostKeys.remove(commonName(client));
        TsigKey hostKey = hostKeys.computeIfAbsent(name, FakeEstServer::hostKey);
        answer(exchange, 200, "application/json", "{\"name\":\"" + hostKey.name() + "\",\"algorithm\":\""
                + hostKey.algorithm() + "\",\"secret\":\"" + Base64.getEncoder().encodeToString(hostKey.secret())
                + "\",\"certificate\":\"" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + "\"}");
    }

    private X509Certificate client(HttpExchange exchange) throws Exception {
        try {
            var peers = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            X509Certificate client = (X509Certificate) peers[0];
            client.verify(ca.certificate().getPublicKey());
            client.checkValidity(Date.from(clock.instant()));
            return client;
        } catch (javax.net.ssl.SSLPeerUnverifiedException | java.security.GeneralSecurityException e) {
            return null;
        }
    }

    private static String commonName(X509Certificate certificate) {
        return IETFUtils.valueToString(new X500Name(certificate.getSubjectX500Principal().getName())
                .getRDNs(BCStyle.CN)[0].getFirst().getValue());
    }

    private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
        answer(exchange, status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The host key the server gives a host: deterministic, so tests can give the DNS server the same key. */
    static TsigKey hostKey(String commonName) {
        try {
            return new TsigKey(commonName + ".", "hmac-sha256.", java.security.MessageDigest.getInstance("SHA-256")
                    .digest(commonName.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test checks client certificates itself, after the handshake. */
    private static final class AnyClient implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
