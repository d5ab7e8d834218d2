package io.homeward.rendezvous.enroll.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.ca.CertificateRequestException;
import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.json.JsonWriter;
import io.homeward.rendezvous.enroll.internal.CertificationRequests.Request;

/**
 * The enrollment server's requests (docs/enrollment.md, "Enrollment over EST"): the EST operations of RFC 7030
 * §4.1.2 and §4.2 that a Homeward agent uses, and the host key and CRL under {@code /.well-known/homeward/}.
 * Every refusal is one line of text, logged with its reason.
 */
final class EstRoutes implements EstServer.Handler {
    static final String CACERTS = "/.well-known/est/cacerts";
    static final String SIMPLEENROLL = "/.well-known/est/simpleenroll";
    static final String SIMPLEREENROLL = "/.well-known/est/simplereenroll";
    static final String HOSTKEY = "/.well-known/homeward/hostkey";
    static final String CRL = "/.well-known/homeward/crl";
    static final String RENAME = "/.well-known/homeward/rename";
    private static final List<String> PATHS = List.of(CACERTS, SIMPLEENROLL, SIMPLEREENROLL, HOSTKEY, CRL, RENAME);

    private final CertificateAuthority ca;
    private final AccountService accounts;
    private final Enroller enroller;
    private final Renamer renamer;
    private final AuthFailures failures;
    private final Clock clock;
    private final RefusalLog refusals;

    EstRoutes(CertificateAuthority ca, AccountService accounts, Enroller enroller, Renamer renamer,
            AuthFailures failures, Clock clock, RefusalLog refusals) {
        this.ca = ca;
        this.accounts = accounts;
        this.enroller = enroller;
        this.renamer = renamer;
        this.failures = failures;
        this.clock = clock;
        this.refusals = refusals;
    }

    @Override
    public HttpResponse handle(HttpRequest request, InetAddress from, Optional<X509Certificate> client) {
        try {
            return route(request, from, client);
        } catch (HttpException e) {
            String what = PATHS.contains(request.path()) ? request.path() : "another path";
            refusals.refused(from, what, e.status(), e.getMessage());
            HttpResponse refusal = HttpResponse.error(e.status(), e.getMessage());
            // RFC 9110 §15.5.6: a 405 says which method the resource takes.
            return e.status() == 405 ? refusal.withHeader("Allow", methodOf(request.path())) : refusal;
        }
    }

    private HttpResponse route(HttpRequest request, InetAddress from, Optional<X509Certificate> client)
            throws HttpException {
        if (PATHS.contains(request.path())) {
            method(request);
        }
        switch (request.path()) {
            case CACERTS -> {
                return CertsOnly.response(List.of(ca.certificate()));
            }
            case CRL -> {
                return crl();
            }
            case SIMPLEENROLL -> {
                notBlocked(from);
                return CertsOnly.response(List.of(enroller.enroll(request, from).certificate()));
            }
            case SIMPLEREENROLL -> {
                notBlocked(from);
                return reenroll(request, from, client);
            }
            case HOSTKEY -> {
                notBlocked(from);
                return hostKey(from, client);
            }
            case RENAME -> {
                notBlocked(from);
                return renamer.rename(authenticatedHost(from, client), CertificationRequests.read(request.body()), from);
            }
            default -> throw new HttpException(404, "nothing here: enrollment is under /.well-known/est/");
        }
    }

    private HttpResponse crl() {
        try {
            return HttpResponse.ok("application/pkix-crl", ca.crl().getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode the CA's CRL", e);
        }
    }

    /** RFC 7030 §4.2.2: a new certificate for the host the TLS client certificate names, for a new key. */
    private HttpResponse reenroll(HttpRequest request, InetAddress from, Optional<X509Certificate> client)
            throws HttpException {
        HostCertificate current = authenticatedHost(from, client);
        Request csr = CertificationRequests.read(request.body());
        if (!(csr.fqdn() + ".").equals(current.fqdn())) {
            throw failure(from, 403, "this host's certificate is for " + current.fqdn() + ", the request names "
                    + csr.fqdn());
        }
        try {
            return CertsOnly.response(List.of(ca.issue(current.zone(), current.host(), csr.der()).certificate()));
        } catch (CertificateRequestException e) {
            throw new HttpException(400, e.getMessage());
        }
    }

    /** The host's own TSIG key, JSON {@code {name, algorithm, secret}} with the secret in base64. */
    private HttpResponse hostKey(InetAddress from, Optional<X509Certificate> client) throws HttpException {
        HostCertificate current = authenticatedHost(from, client);
        Optional<TsigKey> key = accounts.users().stream().filter(a -> a.zone().equals(current.zone()))
                .map(Account::user).findFirst().stream().flatMap(user -> accounts.hosts(user).stream())
                .filter(h -> h.host().equals(current.host())).map(EnrolledHost::key).findFirst();
        if (key.isEmpty()) {
            throw new HttpException(403, current.fqdn() + " has no key on the rendezvous (it was removed): enroll it"
                    + " again");
        }
        String json = new JsonWriter().beginObject().member("name", key.get().name())
                .member("algorithm", key.get().algorithm())
                .member("secret", Base64.getEncoder().encodeToString(key.get().secret())).endObject().toString();
        return HttpResponse.ok("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** The host whose certificate the client presented: issued by the CA, unexpired and unrevoked. */
    private HostCertificate authenticatedHost(InetAddress from, Optional<X509Certificate> client) throws HttpException {
        if (client.isEmpty()) {
            throw new HttpException(401, "present this host's certificate in the TLS handshake");
        }
        X509Certificate certificate = client.get();
        Optional<HostCertificate> known = ca.find(certificate.getSerialNumber())
                .filter(h -> h.certificate().equals(certificate));
        if (known.isEmpty()) {
            throw failure(from, 403, "the rendezvous does not know this certificate (expired, or not one it issued):"
                    + " enroll this host again");
        }
        if (known.get().revoked().isPresent()) {
            throw failure(from, 403, "this host's certificate was revoked at " + known.get().revoked().get()
                    + ": enroll it again with a new invite");
        }
        Instant now = clock.instant();
        if (now.isBefore(certificate.getNotBefore().toInstant()) || !now.isBefore(known.get().notAfter())) {
            throw failure(from, 403, "this host's certificate is not valid now (valid from "
                    + certificate.getNotBefore().toInstant() + " to " + known.get().notAfter() + "): enroll it again");
        }
        return known.get();
    }

    private void notBlocked(InetAddress from) throws HttpException {
        if (failures.blocked(from)) {
            throw new HttpException(429, "too many failed attempts from " + from.getHostAddress()
                    + "; wait a minute and try again");
        }
    }

    private static String methodOf(String path) {
        return path.equals(CACERTS) || path.equals(CRL) ? "GET" : "POST";
    }

    private static void method(HttpRequest request) throws HttpException {
        String expected = methodOf(request.path());
        if (!request.method().equals(expected)) {
            throw new HttpException(405, request.path() + " takes " + expected + ", not " + request.method());
        }
    }

    private HttpException failure(InetAddress from, int status, String message) {
        failures.failed(from);
        return new HttpException(status, message);
    }
}
