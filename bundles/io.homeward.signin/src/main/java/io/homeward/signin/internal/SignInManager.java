package io.homeward.signin.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Type;

import io.homeward.api.auth.TsigKey;
import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.enroll.EnrollmentAuthorization.Scheme;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.kit.enroll.InviteCodeException;
import io.homeward.kit.enroll.RevokedRecord;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.text.PasswordKeys;

/**
 * The sign-in state (docs/enrollment.md): signing in with a password or joining with an invite code enrolls the
 * host, which then keeps only its own key and certificate, renews the certificate and follows the account's
 * revocations. Publishes Credentials while signed in and not revoked. Passwords and secrets are never logged or
 * kept.
 */
final class SignInManager {
    static final String REVOKED_NAME = RevokedRecord.OWNER + ".";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final CredentialsFile file;
    private final KeyProver prover;
    private final ServerFinder finder;
    private final Enroller enroller;
    private final CredentialsPublisher publisher;
    private final SignInSettings settings;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Logger log;
    private final RevocationList revocations;
    private final CertificateRenewal renewal;
    private final Backoff upgradeBackoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);

    private Optional<StoredKey> current = Optional.empty();
    private String lastError = "";
    private boolean revoked;
    /** The serial of the certificate a rename is retiring: its revocation is the rename's, not the account's. */
    private Optional<BigInteger> renaming = Optional.empty();
    private Optional<RecordWatcher> watcher = Optional.empty();
    private Subscription subscription;

    SignInManager(CredentialsFile file, KeyProver prover, ServerFinder finder, Enroller enroller,
            CredentialsPublisher publisher, SignInSettings settings, Scheduler scheduler, Clock clock, Logger log) {
        this.file = file;
        this.prover = prover;
        this.finder = finder;
        this.enroller = enroller;
        this.publisher = publisher;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.log = log;
        this.revocations = new RevocationList(clock);
        this.renewal = new CertificateRenewal(scheduler, clock, new Backoff(FIRST_RETRY, LONGEST_RETRY),
                this::renewOnce, log);
        revocations.addRevokedCertificatesListener(this::checkRevoked);
    }

    RevocationList revocations() {
        return revocations;
    }

    /**
     * Publishes the stored sign-in if there is one (no password needed) and the account did not revoke it; true when
     * it did.
     */
    boolean resume() {
        Optional<StoredKey> stored;
        Optional<String> revocation;
        try {
            stored = file.read();
            revocation = file.revoked();
        } catch (IOException e) {
            fail("cannot read the stored sign-in: " + e.getMessage());
            return false;
        }
        if (stored.isEmpty()) {
            return false;
        }
        StoredKey s = stored.get();
        synchronized (this) {
            current = stored;
            revoked = revocation.isPresent();
            lastError = revocation.orElse("");
        }
        if (revocation.isPresent()) {
            log.error("{}", revocation.get());
            return false;
        }
        publisher.publish(new KeyCredentials(s));
        s.certificate().ifPresent(renewal::track);
        resubscribe();
        log.info("Signed in as {} (zone {}) from the key stored in {}", s.user(), s.zone(), file.path());
        return true;
    }

    /**
     * The checks at start, on the scheduler's thread: proves the stored key again (a failure is reported and the key
     * kept, since the server may just be down), reads the CRL, and enrolls a host an older agent signed in.
     */
    void checkStored() {
        verifyStored();
        Optional<StoredKey> stored = status().current();
        if (stored.isPresent() && stored.get().enrollment().isEmpty()) {
            enrollWithStoredKey();
        } else {
            stored.ifPresent(this::refreshCrl);
        }
    }

    /** Proves the stored key again; a failure is reported and the key kept, since the server may just be down. */
    void verifyStored() {
        Optional<StoredKey> stored = status().current();
        if (stored.isEmpty()) {
            return;
        }
        StoredKey s = stored.get();
        try {
            prover.prove(s.zone(), s.key(), s.server(), s.pin());
            synchronized (this) {
                lastError = "";
            }
            log.info("The stored key for {} was accepted by {}", s.zone(), s.server());
        } catch (SignInException e) {
            fail("the stored key could not be verified: " + e.getMessage());
        }
    }

    /**
     * Signs in with the password and enrolls with the key derived from it (Homeward-Key); the password array is the
     * caller's to clear, and the derived key is forgotten once the host has its own.
     */
    StoredKey signIn(SignInRequest request, char[] password) throws SignInException {
        try {
            if (password.length == 0) {
                throw new SignInException("the password is empty");
            }
            HostPort server = request.server().isPresent() ? request.server().get()
                    : finder.find(SrvServerFinder.SERVICE, request.zone(), settings.dnsServer());
            TsigKey key = PasswordKeys.derive(request.zone(), password);
            String seen = prover.prove(request.zone(), key, server, request.pin());
            if (request.pin().isEmpty()) {
                log.warn("Accepted the rendezvous TLS certificate at {} without a pin; its SHA-256 fingerprint is {}: "
                        + "set tlsFingerprint to it to pin it (it is pinned for this sign-in from now on)", server, seen);
            }
            Account account = new Account(request.zone(), request.user(), server, seen, settings.dnsServer());
            StoredKey stored = enroll(account, new Enroller.Proof(Scheme.KEY, key.name(), key.secret()), hostName());
            log.info("Signed in as {} (zone {}) at {} and enrolled as {}; stored in {} without the password's key",
                    stored.user(), stored.zone(), server, stored.key().name(), file.path());
            return stored;
        } catch (SignInException e) {
            fail("sign-in as " + request.user() + " failed: " + e.getMessage());
            throw e;
        }
    }

    /**
     * Joins the account with an invite code (docs/enrollment.md, "Invite codes") and points the agent's other
     * components at the rendezvous it names.
     *
     * @param agent where to write the coordinates; empty when Configuration Admin is not there
     */
    StoredKey join(String code, Optional<AgentSettings> agent) throws SignInException {
        try {
            InviteCode invite;
            try {
                invite = InviteCode.decode(code == null ? "" : code);
            } catch (InviteCodeException e) {
                throw new SignInException(e.getMessage());
            }
            InetAddress address = enroller.firstReachable(invite.addresses(), invite.estPort());
            String host = address.getHostAddress();
            String pin = Fingerprints.normalize(HexFormat.of().formatHex(invite.pin()));
            HostPort dns = new HostPort(host, invite.dnsPort());
            HostPort tls = new HostPort(host, invite.tlsPort());
            String zone = invite.zone();
            Account account = new Account(zone, zone.substring(0, zone.indexOf('.')), tls, pin, dns);
            String label = invite.host().isPresent() ? invite.host().get() : hostName();
            StoredKey stored = enroll(account, new Enroller.Proof(Scheme.INVITE, invite.id(), invite.secret()), label,
                    new HostPort(host, invite.estPort()));
            if (agent.isPresent()) {
                try {
                    agent.get().apply(dns, tls, pin, new HostPort(host, invite.stunPort()), label);
                } catch (IOException e) {
                    log.error("Joined, but cannot point the registrar, watcher, tunnel port and identity at {}: {}",
                            host, e.getMessage());
                }
            } else {
                log.warn("Joined, but Configuration Admin is not there to point the registrar, watcher and tunnel "
                        + "port at {}", host);
            }
            log.info("Joined {} as {} with invite {}; stored in {}", zone, stored.key().name(), invite.id(),
                    file.path());
            return stored;
        } catch (SignInException e) {
            fail("joining failed: " + e.getMessage());
            throw e;
        }
    }

    /** Removes the stored sign-in and withdraws the credentials; true when someone was signed in. */
    boolean signOut() throws IOException {
        boolean was;
        synchronized (this) {
            was = current.isPresent();
            current = Optional.empty();
            lastError = "";
            revoked = false;
        }
        publisher.withdraw();
        renewal.stop();
        revocations.clear();
        resubscribe();
        boolean removed = file.delete();
        if (was || removed) {
            log.info("Signed out; removed {}", file.path());
        }
        return was || removed;
    }

    synchronized SignInStatus status() {
        return new SignInStatus(current, lastError, new SignInStatus.Certificate(revoked, renewal.state(),
                revocations.serials().size()));
    }

    synchronized void watch(RecordWatcher next) {
        watcher = Optional.of(next);
        resubscribe();
    }

    synchronized void unwatch(RecordWatcher gone) {
        if (watcher.isPresent() && watcher.get() == gone) {
            watcher = Optional.empty();
            resubscribe();
        }
    }

    /** Stops the renewal and the revocation watch; the stored sign-in stays. */
    void close() {
        renewal.stop();
        synchronized (this) {
            watcher = Optional.empty();
            resubscribe();
        }
    }

    /**
     * Where and as whom a host enrolls.
     *
     * @param server    the rendezvous' DNS-over-TLS service
     * @param pin       SHA-256 of its TLS certificate, which EST shares
     * @param dnsServer its plain DNS service, where SRV records are asked
     */
    private record Account(String zone, String user, HostPort server, String pin, HostPort dnsServer) {
    }

    private StoredKey enroll(Account account, Enroller.Proof proof, String host) throws SignInException {
        HostPort est = settings.estServer().isPresent() ? settings.estServer().get()
                : finder.find(SrvServerFinder.EST, account.zone(), account.dnsServer());
        return enroll(account, proof, host, est);
    }

    private StoredKey enroll(Account account, Enroller.Proof proof, String host, HostPort est)
            throws SignInException {
        Enroller.Enrolled enrolled = enroller.enroll(est, account.pin(), account.zone(), host, proof);
        StoredKey stored = new StoredKey(account.zone(), account.user(), enrolled.hostKey(), account.server(),
                account.pin(), clock.instant(), Optional.of(account.dnsServer()),
                Optional.of(new StoredKey.Enrollment(host, est, enrolled.certificate())));
        try {
            file.write(stored);
        } catch (IOException e) {
            throw new SignInException("enrolled, but cannot store the host key in " + file.path() + ": "
                    + e.getMessage(), e);
        }
        synchronized (this) {
            current = Optional.of(stored);
            lastError = "";
            revoked = false;
        }
        publisher.publish(new KeyCredentials(stored));
        renewal.track(enrolled.certificate());
        resubscribe();
        refreshCrl(stored);
        return stored;
    }

    /** A sign-in an older agent stored holds the master key: enroll with it, then forget it; retried with backoff. */
    private void enrollWithStoredKey() {
        Optional<StoredKey> stored = status().current();
        if (stored.isEmpty() || stored.get().enrollment().isPresent()) {
            return;
        }
        StoredKey master = stored.get();
        try {
            enroll(new Account(master.zone(), master.user(), master.server(), master.pin(),
                    master.dnsServer().orElse(settings.dnsServer())),
                    new Enroller.Proof(Scheme.KEY, master.key().name(), master.key().secret()), hostName());
            upgradeBackoff.reset();
            log.info("Enrolled {} with the stored key of an earlier sign-in; that key is no longer stored", master.zone());
        } catch (SignInException e) {
            Duration wait = upgradeBackoff.next();
            fail("enrolling with the stored key failed: " + e.getMessage() + "; retrying in " + wait.toSeconds() + " s");
            scheduler.schedule(this::enrollWithStoredKey, wait);
        }
    }

    /**
     * Renames the enrolled host at the rendezvous (docs/enrollment.md, "Renaming a host"), then stores and publishes
     * the certificate and key for the new name. A refusal or a failure changes nothing here: the host keeps its
     * name, certificate and key. Once the rendezvous renamed the host, its old credentials no longer work, so the new
     * ones are published even when they cannot be stored (the log says so).
     *
     * @return the stored sign-in under the new name
     */
    StoredKey rename(String newHost) throws SignInException {
        StoredKey s = status().current().filter(k -> k.enrollment().isPresent())
                .orElseThrow(() -> new SignInException("this host is not enrolled: nothing to rename at the"
                        + " rendezvous"));
        StoredKey.Enrollment e = s.enrollment().get();
        synchronized (this) {
            if (revoked) {
                throw new SignInException("this host was revoked: join again with a new invite");
            }
            renaming = Optional.of(e.certificate().serial());
        }
        try {
            Enroller.Enrolled renamed = enroller.rename(e.estServer(), s.pin(), s.zone(), newHost, e.certificate());
            StoredKey next = new StoredKey(s.zone(), s.user(), renamed.hostKey(), s.server(), s.pin(), s.since(),
                    s.dnsServer(), Optional.of(new StoredKey.Enrollment(newHost, e.estServer(), renamed.certificate())));
            synchronized (this) {
                current = Optional.of(next);
                lastError = "";
                try {
                    file.write(next);
                } catch (IOException io) {
                    lastError = "renamed to " + newHost + ", but cannot store the new credentials in " + file.path()
                            + " (" + io.getMessage() + "): they are lost at the next restart";
                    log.error("{}", lastError);
                }
            }
            publisher.publish(new KeyCredentials(next));
            renewal.track(renamed.certificate());
            log.info("Renamed {} to {} at the rendezvous; certificate serial {}", e.host(), newHost,
                    renamed.certificate().serial().toString(16));
            return next;
        } finally {
            synchronized (this) {
                renaming = Optional.empty();
            }
            checkRevoked(revocations.serials());
        }
    }

    private IssuedCertificate renewOnce() throws SignInException {
        StoredKey s = status().current().filter(k -> k.enrollment().isPresent())
                .orElseThrow(() -> new SignInException("not enrolled"));
        StoredKey.Enrollment e = s.enrollment().get();
        IssuedCertificate renewed = enroller.renew(e.estServer(), s.pin(), s.zone(), e.host(), e.certificate());
        StoredKey next = s.withCertificate(renewed);
        synchronized (this) {
            if (current.isEmpty() || revoked) {
                throw new SignInException("signed out or revoked while renewing");
            }
            try {
                file.write(next);
            } catch (IOException io) {
                throw new SignInException("renewed, but cannot store the certificate in " + file.path() + ": "
                        + io.getMessage(), io);
            }
            current = Optional.of(next);
        }
        publisher.publish(new KeyCredentials(next));
        refreshCrl(next);
        return renewed;
    }

    private void refreshCrl(StoredKey stored) {
        if (stored.enrollment().isEmpty()) {
            return;
        }
        StoredKey.Enrollment e = stored.enrollment().get();
        try {
            revocations.replaceCrl(enroller.crl(e.estServer(), stored.pin(), e.certificate().ca()));
        } catch (SignInException failure) {
            log.warn("Cannot read the account's CRL: {}", failure.getMessage());
        }
    }

    /** When this host's own certificate shows up revoked: withdraw the credentials and say so. */
    private void checkRevoked(Set<BigInteger> serials) {
        StoredKey s;
        synchronized (this) {
            s = current.orElse(null);
            if (s == null || revoked || s.certificate().isEmpty() || !serials.contains(s.certificate().get().serial())
                    || renaming.equals(Optional.of(s.certificate().get().serial()))) {
                return;
            }
            revoked = true;
            lastError = "this host was revoked by the account at " + s.server() + "; join again with a new invite";
        }
        renewal.stop();
        publisher.withdraw();
        try {
            file.markRevoked(status().lastError());
        } catch (IOException e) {
            log.error("Cannot remember the revocation in {}: {}", file.path().getParent(), e.getMessage());
        }
        log.error("This host ({}, certificate serial {}) was revoked by the account at {}; join again with a new "
                + "invite", s.key().name(), s.certificate().get().serial().toString(16), s.server());
    }

    /** Holds one subscription to {@code _revoked._homeward.<zone>} while signed in and a watcher is there. */
    private synchronized void resubscribe() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (watcher.isEmpty() || current.isEmpty()) {
            return;
        }
        String name = REVOKED_NAME + current.get().zone();
        try {
            subscription = watcher.get().subscribe(name, Type.TXT, new RecordListener() {
                @Override
                public void added(WatchedRecord record) {
                    scheduler.execute(() -> revokedRecord(record, true));
                }

                @Override
                public void removed(WatchedRecord record) {
                    scheduler.execute(() -> revokedRecord(record, false));
                }
            });
        } catch (RuntimeException e) {
            log.error("The record watcher refused to watch {}: {}", name, e.getMessage());
        }
    }

    private void revokedRecord(WatchedRecord record, boolean added) {
        RevokedRecord revokedRecord;
        try {
            revokedRecord = RevokedRecord.parse(record.rdata());
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a record at {} that is not a revocation: {}", record.name(), e.getMessage());
            return;
        }
        if (added) {
            revocations.zoneAdded(revokedRecord);
        } else {
            revocations.zoneRemoved(revokedRecord);
        }
    }

    private String hostName() throws SignInException {
        String host = settings.hostName().get();
        if (host == null || host.isBlank()) {
            throw new SignInException("this host has no name yet (the identity service is not there)");
        }
        return host;
    }

    private void fail(String reason) {
        synchronized (this) {
            lastError = reason;
        }
        log.warn("{}", reason);
    }
}
