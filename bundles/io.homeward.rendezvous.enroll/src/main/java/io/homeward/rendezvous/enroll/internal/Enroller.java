package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.ca.CertificateRequestException;
import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.enroll.EnrollmentAuthorization;
import io.homeward.kit.text.DnsLabel;
import io.homeward.rendezvous.enroll.internal.CertificationRequests.Request;

/**
 * {@code simpleenroll} (docs/enrollment.md, "Who may enroll"): checks the request's {@link EnrollmentAuthorization}
 * against an invite or the user's master key, then has the CA issue the certificate, gives the host its key and uses
 * the invite up, on disk, before the answer is written. A refusal issues, stores and uses up nothing; only a wrong
 * proof is counted against the invite.
 */
final class Enroller {
    /** How far the request's time may be from the rendezvous' clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final CertificateAuthority ca;
    private final AccountService accounts;
    private final InviteBook invites;
    private final AuthFailures failures;
    private final Clock clock;
    private final Logger log;

    Enroller(CertificateAuthority ca, AccountService accounts, InviteBook invites, AuthFailures failures, Clock clock,
            Logger log) {
        this.ca = ca;
        this.accounts = accounts;
        this.invites = invites;
        this.failures = failures;
        this.clock = clock;
        this.log = log;
    }

    HostCertificate enroll(HttpRequest request, InetAddress from) throws HttpException {
        EnrollmentAuthorization authorization;
        try {
            authorization = EnrollmentAuthorization.parse(request.header("Authorization").orElse(null));
        } catch (IllegalArgumentException e) {
            throw new HttpException(401, e.getMessage());
        }
        Request csr = CertificationRequests.read(request.body());
        Optional<String> problem = DnsLabel.problem(csr.host());
        if (problem.isPresent()) {
            throw new HttpException(400, "the request's host name is not a DNS label: " + problem.get());
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - authorization.time());
        if (skew > MAX_SKEW.toSeconds()) {
            throw new HttpException(401, "the request's time is " + skew + " s away from the rendezvous' clock (at most "
                    + MAX_SKEW.toSeconds() + " s may be): set this machine's clock");
        }
        return switch (authorization.scheme()) {
            case INVITE -> byInvite(authorization, csr, request.body(), from);
            case KEY -> byKey(authorization, csr, request.body(), from);
        };
    }

    private synchronized HostCertificate byInvite(EnrollmentAuthorization authorization, Request csr, byte[] body,
            InetAddress from) throws HttpException {
        Invite invite = invites.find(authorization.subject())
                .orElseThrow(() -> failure(from, 401, "unknown invite: check the code, or ask for a new one"));
        Instant now = clock.instant();
        if (invite.used().isPresent()) {
            throw failure(from, 403, "this invite was used already at " + invite.used().get() + "; ask for a new one");
        }
        if (invite.failures() >= Invite.MAX_FAILURES) {
            throw failure(from, 403, "this invite was cancelled after " + Invite.MAX_FAILURES
                    + " wrong proofs; ask for a new one");
        }
        if (!now.isBefore(invite.expires())) {
            throw failure(from, 403, "this invite expired at " + invite.expires() + "; ask for a new one");
        }
        if (!authorization.verifies(invite.secret(), body)) {
            Invite counted = store(() -> invites.wrongProof(invite.id()));
            int left = Invite.MAX_FAILURES - counted.failures();
            throw failure(from, 401, "the invite's proof is wrong (was the code copied whole?); "
                    + (left > 0 ? left + " more tries before the invite is cancelled" : "the invite is cancelled now"));
        }
        Account account = accountOf(invite.user());
        if (!csr.zone().equals(account.zone())) {
            throw new HttpException(403, "this invite is for a host of " + account.zone() + ", the request names "
                    + csr.fqdn());
        }
        if (invite.host().isPresent() && !invite.host().get().equals(csr.host())) {
            throw new HttpException(403, "this invite is for " + invite.host().get() + "." + account.zone()
                    + ", the request names " + csr.fqdn());
        }
        Optional<HostCertificate> valid = validCertificate(account.zone(), csr.host());
        if (valid.isPresent()) {
            throw new HttpException(403, csr.fqdn() + " already has a valid certificate (serial "
                    + valid.get().serial().toString(16) + "): revoke it first (homeward:revoke " + csr.fqdn()
                    + ") or pick another name");
        }
        store(() -> invites.use(invite.id()));
        try {
            HostCertificate issued = issue(account, csr);
            log.info("enrolled {} with invite {} from {}, certificate serial {}", csr.fqdn(), invite.id(),
                    from.getHostAddress(), issued.serial().toString(16));
            return issued;
        } catch (HttpException e) {
            store(() -> invites.giveBack(invite.id()));
            throw e;
        }
    }

    private synchronized HostCertificate byKey(EnrollmentAuthorization authorization, Request csr, byte[] body,
            InetAddress from) throws HttpException {
        String name = authorization.subject().toLowerCase(Locale.ROOT);
        KeyScope scope = accounts.scope(name).orElseThrow(() -> failure(from, 401, "unknown key " + name));
        if (!scope.isMasterKey()) {
            throw failure(from, 403, "a host key cannot enroll other hosts: use an invite (homeward:invite on the"
                    + " rendezvous) or the user's password");
        }
        TsigKey key = accounts.key(name).orElseThrow(() -> failure(from, 401, "unknown key " + name));
        if (!authorization.verifies(key.secret(), body)) {
            throw failure(from, 401, "the proof does not verify with the key of " + scope.zone() + " (a wrong password?)");
        }
        if (!csr.zone().equals(scope.zone())) {
            throw new HttpException(403, "this key is for hosts of " + scope.zone() + ", the request names " + csr.fqdn());
        }
        HostCertificate issued = issue(accountOf(scope.user()), csr);
        log.info("enrolled {} with the user's key from {}, certificate serial {}", csr.fqdn(), from.getHostAddress(),
                issued.serial().toString(16));
        return issued;
    }

    /** Issues the certificate and gives the host its key; if the key cannot be stored, the certificate is revoked. */
    private HostCertificate issue(Account account, Request csr) throws HttpException {
        HostCertificate issued;
        try {
            issued = ca.issue(account.zone(), csr.host(), csr.der());
        } catch (CertificateRequestException e) {
            throw new HttpException(400, e.getMessage());
        }
        try {
            accounts.enrollHost(account.user(), csr.host());
            return issued;
        } catch (AccountException | RuntimeException e) {
            log.error("could not give {} its host key after issuing its certificate (serial {}); revoking it", csr.fqdn(),
                    issued.serial().toString(16), e);
            List<HostCertificate> revoked = ca.revoke(account.zone(), csr.host());
            log.info("revoked {} certificate(s) of {}", revoked.size(), csr.fqdn());
            throw new HttpException(503, "the rendezvous could not store the host's key; nothing was enrolled, try again");
        }
    }

    private Optional<HostCertificate> validCertificate(String zone, String host) {
        Instant now = clock.instant();
        return ca.certificates(zone).stream()
                .filter(c -> c.host().equals(host) && c.revoked().isEmpty() && c.notAfter().isAfter(now)).findFirst();
    }

    private Account accountOf(String user) throws HttpException {
        return accounts.users().stream().filter(a -> a.user().equals(user)).findFirst()
                .orElseThrow(() -> new HttpException(403, "the user " + user + " no longer exists"));
    }

    private HttpException failure(InetAddress from, int status, String message) {
        failures.failed(from);
        return new HttpException(status, message);
    }

    /** A change of the invite book that must reach the disk before the request goes on. */
    private interface Change {
        Invite apply() throws IOException;
    }

    private Invite store(Change change) throws HttpException {
        try {
            return change.apply();
        } catch (IOException e) {
            log.error("cannot write the invites: {}", e.getMessage());
            throw new HttpException(503, "the rendezvous cannot record the invite; nothing was enrolled, try again later");
        }
    }
}
