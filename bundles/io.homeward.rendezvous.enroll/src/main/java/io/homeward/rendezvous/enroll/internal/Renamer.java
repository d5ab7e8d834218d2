package io.homeward.rendezvous.enroll.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.ca.CertificateRequestException;
import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.text.DnsLabel;
import io.homeward.rendezvous.enroll.internal.CertificationRequests.Request;

/**
 * {@code POST /.well-known/homeward/rename} (docs/enrollment.md, "Renaming a host"): an enrolled host, authenticated
 * by its current certificate, asks for a certificate under a new name of its zone. The new name must be a DNS label
 * that no other host of the zone holds and that the zone does not reserve. Then, in this order: the certificate for
 * the new name is issued, the host key moves to the new name (a new key), the old key is deleted (the old names'
 * records go in one journaled change, as at a revocation) and the old certificates are revoked. The answer carries
 * the new certificate and the new key, so one exchange gives the host everything it needs.
 */
final class Renamer {
    /** Labels of rule 2 (docs/enrollment.md, "Per-host keys"): a host named so would own its peers' tunnel names. */
    static final String RESERVED_PREFIX = "autotunnel-";

    private final CertificateAuthority ca;
    private final AccountService accounts;
    private final Clock clock;
    private final Logger log;

    Renamer(CertificateAuthority ca, AccountService accounts, Clock clock, Logger log) {
        this.ca = ca;
        this.accounts = accounts;
        this.clock = clock;
        this.log = log;
    }

    /** Renames the host {@code current} names to the host the request names; the answer is JSON. */
    synchronized HttpResponse rename(HostCertificate current, Request csr, InetAddress from) throws HttpException {
        String zone = current.zone();
        if (!csr.zone().equals(zone)) {
            throw new HttpException(403, "this host belongs to " + zone + ", the request names " + csr.fqdn()
                    + ": a host keeps its zone when renamed");
        }
        String next = csr.host();
        if (next.equals(current.host())) {
            throw new HttpException(400, "this host is already called " + next);
        }
        Optional<String> problem = problem(next);
        if (problem.isPresent()) {
            throw new HttpException(400, problem.get());
        }
        Account account = accounts.users().stream().filter(a -> a.zone().equals(zone)).findFirst()
                .orElseThrow(() -> new HttpException(403, "the account of " + zone + " no longer exists"));
        if (taken(account, next)) {
            throw new HttpException(403, next + "." + zone + " is another host of the account: pick another name, or"
                    + " revoke that host first (homeward:revoke " + next + ")");
        }
        if (accounts.hosts(account.user()).stream().noneMatch(h -> h.host().equals(current.host()))) {
            throw new HttpException(403, current.fqdn() + " has no key on the rendezvous (it was removed): enroll it"
                    + " again");
        }
        HostCertificate issued;
        try {
            issued = ca.issue(zone, next, csr.der());
        } catch (CertificateRequestException e) {
            throw new HttpException(400, e.getMessage());
        }
        EnrolledHost moved;
        try {
            moved = accounts.enrollHost(account.user(), next);
        } catch (AccountException | RuntimeException e) {
            log.error("could not give {} its host key while renaming {}; revoking the new certificate (serial {})",
                    csr.fqdn(), current.fqdn(), issued.serial().toString(16), e);
            ca.revoke(zone, next);
            throw new HttpException(503, "the rendezvous could not store the host's new key; the host keeps its name "
                    + current.host() + ", try again");
        }
        retire(account, current);
        log.info("renamed {} to {} from {}, certificate serial {}", current.fqdn(), csr.fqdn(), from.getHostAddress(),
                issued.serial().toString(16));
        String json;
        try {
            json = new JsonWriter().beginObject().member("name", moved.key().name())
                    .member("algorithm", moved.key().algorithm())
                    .member("secret", Base64.getEncoder().encodeToString(moved.key().secret()))
                    .member("certificate", Base64.getEncoder().encodeToString(issued.certificate().getEncoded()))
                    .endObject().toString();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate the CA just issued", e);
        }
        return HttpResponse.ok("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Why {@code label} cannot name a host, empty when it can. */
    static Optional<String> problem(String label) {
        Optional<String> notLabel = DnsLabel.problem(label);
        if (notLabel.isPresent()) {
            return Optional.of("the new name is not a DNS label: " + notLabel.get());
        }
        if (label.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
            return Optional.of("names starting with AutoTunnel- are the tunnel endpoints' own: pick another name");
        }
        return Optional.empty();
    }

    /** Whether another host of the account holds the name: a key, or a certificate that is valid now. */
    private boolean taken(Account account, String host) {
        Instant now = clock.instant();
        return accounts.hosts(account.user()).stream().anyMatch(h -> h.host().equals(host))
                || ca.certificates(account.zone()).stream().anyMatch(c -> c.host().equals(host)
                        && c.revoked().isEmpty() && c.notAfter().isAfter(now));
    }

    /** The old name goes: its key (and so its records) first, then its certificates. */
    private void retire(Account account, HostCertificate current) {
        try {
            accounts.removeHost(account.user(), current.host());
        } catch (AccountException | RuntimeException e) {
            log.error("renamed {}, but could not delete the old host key; revoke it with homeward:revoke {}",
                    current.fqdn(), current.host(), e);
        }
        List<HostCertificate> revoked = ca.revoke(account.zone(), current.host());
        log.info("revoked {} certificate(s) of {}, renamed", revoked.size(), current.fqdn());
    }
}
