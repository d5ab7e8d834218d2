package io.homeward.rendezvous.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.osgi.service.log.Logger;

import io.homeward.api.ca.CertificateRequestException;
import io.homeward.api.ca.HostCertificate;
import io.homeward.api.ca.RevocationListener;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.text.DnsLabel;

/**
 * The account CA at work (docs/enrollment.md, "The account CA"): issues host certificates, revokes them, signs the
 * CRL at every revocation, every day and when a revoked certificate expires. Every change is in the
 * {@link IssuedFile} before it is returned or announced. A store that cannot be read is never overwritten: the CA
 * then issues and revokes nothing, and reads the store again at every attempt.
 */
final class AccountCa {
    /** How often the CRL is signed again when nothing changes. */
    static final Duration CRL_REFRESH = Duration.ofDays(1);
    /** Back-dating of host certificates for clocks a little behind (docs/enrollment.md, "Host certificates"). */
    static final Duration SKEW = Duration.ofMinutes(5);
    /** Bound on a zone's unexpired certificates; a host normally holds one or two. */
    static final int MAX_PER_ZONE = 1024;

    private final String domain;
    private final CaIdentity identity;
    private final IssuedFile store;
    private final CrlFile crlFile;
    private final Duration hostLifetime;
    private final Duration crlValidity;
    private final Clock clock;
    private final SecureRandom random;
    private final Scheduler scheduler;
    private final Logger log;
    private final List<RevocationListener> listeners = new CopyOnWriteArrayList<>();
    private IssuedCertificates issued;
    private String storeProblem;
    private X509CRL crl;
    private Scheduler.Scheduled refresh;
    private boolean closed;

    /**
     * @param domain the members domain, absolute, in lower case
     */
    AccountCa(String domain, CaIdentity identity, Path directory, Duration hostLifetime, Duration crlValidity,
            Clock clock, SecureRandom random, Scheduler scheduler, Logger log) {
        this.domain = domain;
        this.identity = identity;
        this.store = new IssuedFile(directory.resolve(IssuedFile.NAME));
        this.crlFile = new CrlFile(directory.resolve(CrlFile.NAME));
        this.hostLifetime = hostLifetime;
        this.crlValidity = crlValidity;
        this.clock = clock;
        this.random = random;
        this.scheduler = scheduler;
        this.log = log;
        synchronized (this) {
            reload();
            crl = storedCrl();
            if (issued != null && !current(crl)) {
                refreshCrl();
            } else {
                scheduleRefresh();
            }
        }
    }

    CaIdentity identity() {
        return identity;
    }

    Duration hostLifetime() {
        return hostLifetime;
    }

    HostCertificate issue(String zone, String host, byte[] request) throws CertificateRequestException {
        String userZone = zone(zone);
        String label = host(host);
        String name = label + "." + ZoneNames.withoutDot(userZone);
        SubjectPublicKeyInfo publicKey = CertificationRequestCheck.publicKey(request, name);
        HostCertificate made;
        synchronized (this) {
            IssuedCertificates current = writable("issue certificates");
            Instant now = clock.instant();
            List<HostCertificate> kept = unexpired(current.certificates(), now);
            if (kept.stream().filter(c -> c.zone().equals(userZone)).count() >= MAX_PER_ZONE) {
                throw new CertificateRequestException("the zone " + userZone + " already has " + MAX_PER_ZONE
                        + " unexpired certificates; revoke some of its hosts first");
            }
            BigInteger serial = Serials.next(random);
            while (issuedSerial(kept, serial)) {
                serial = Serials.next(random);
            }
            Instant caNotAfter = identity.certificate().getNotAfter().toInstant();
            if (!now.isBefore(caNotAfter)) {
                throw new IllegalStateException("the account CA expired on " + caNotAfter + " and issues nothing");
            }
            Instant notAfter = now.plus(hostLifetime);
            made = new HostCertificate(userZone, label, HostCertificateProfile.sign(identity,
                    ZoneNames.withoutDot(userZone), name, publicKey, serial, now.minus(SKEW),
                    notAfter.isAfter(caNotAfter) ? caNotAfter : notAfter), Optional.empty());
            kept.add(made);
            store(new IssuedCertificates(current.crlNumber(), kept), "store the certificate of " + name);
        }
        log.info("issued certificate {} for {} until {}", made.serial().toString(16), name, made.notAfter());
        return made;
    }

    List<HostCertificate> revoke(String zone, String host) {
        String userZone = ZoneNames.absolute(zone);
        String label = host.toLowerCase(Locale.ROOT);
        List<HostCertificate> revoked = new ArrayList<>();
        synchronized (this) {
            IssuedCertificates current = writable("revoke certificates");
            Instant now = clock.instant();
            List<HostCertificate> next = new ArrayList<>();
            for (HostCertificate certificate : unexpired(current.certificates(), now)) {
                if (certificate.zone().equals(userZone) && certificate.host().equals(label)
                        && certificate.revoked().isEmpty()) {
                    certificate = new HostCertificate(certificate.zone(), certificate.host(),
                            certificate.certificate(), Optional.of(now));
                    revoked.add(certificate);
                }
                next.add(certificate);
            }
            if (revoked.isEmpty()) {
                return List.of();
            }
            signCrl(next);
        }
        for (HostCertificate certificate : revoked) {
            log.info("revoked certificate {} of {}", certificate.serial().toString(16), certificate.fqdn());
        }
        tell(revoked);
        return revoked;
    }

    synchronized List<HostCertificate> certificates(String zone) {
        String userZone = ZoneNames.absolute(zone);
        return unexpired(all(), clock.instant()).stream().filter(c -> c.zone().equals(userZone)).toList();
    }

    synchronized Optional<HostCertificate> find(BigInteger serial) {
        return unexpired(all(), clock.instant()).stream().filter(c -> c.serial().equals(serial)).findFirst();
    }

    /** Every unexpired certificate, oldest first; none while the store is damaged. */
    synchronized List<HostCertificate> all() {
        return issued == null ? List.of() : unexpired(issued.certificates(), clock.instant());
    }

    synchronized X509CRL crl() {
        if (crl == null) {
            throw new IllegalStateException("the account CA has no CRL yet: "
                    + (storeProblem == null ? "signing it failed, see the log" : storeProblem));
        }
        return crl;
    }

    synchronized Optional<X509CRL> currentCrl() {
        return Optional.ofNullable(crl);
    }

    /** Why the CA issues and revokes nothing, if it does not. */
    synchronized Optional<String> problem() {
        return Optional.ofNullable(storeProblem);
    }

    void addListener(RevocationListener listener) {
        listeners.add(listener);
    }

    void removeListener(RevocationListener listener) {
        listeners.remove(listener);
    }

    /** Stops signing CRLs; the owner stops the scheduler. */
    synchronized void close() {
        closed = true;
        if (refresh != null) {
            refresh.cancel();
        }
    }

    /** The daily CRL, or the one after a revoked certificate expired; also drops expired certificates. */
    private synchronized void refreshCrl() {
        if (closed) {
            return;
        }
        try {
            signCrl(writable("sign the CRL").certificates());
        } catch (IllegalStateException e) {
            log.error("{}; trying again in {} hours", e.getMessage(), CRL_REFRESH.toHours());
            scheduleRefresh(clock.instant().plus(CRL_REFRESH));
        }
    }

    /** Signs a CRL of the revoked certificates that have not expired, stores it all, and makes it current. */
    private void signCrl(List<HostCertificate> certificates) {
        Instant now = clock.instant();
        List<HostCertificate> kept = unexpired(certificates, now);
        BigInteger number = issued.crlNumber().add(BigInteger.ONE);
        X509CRL next = RevocationLists.sign(identity, number,
                kept.stream().filter(c -> c.revoked().isPresent()).toList(), now, now.plus(crlValidity));
        store(new IssuedCertificates(number, kept), "store CRL number " + number);
        crl = next;
        try {
            crlFile.write(next);
        } catch (IOException e) {
            log.error("cannot write the CRL file (the CRL is served from memory and written again at the next"
                    + " change): {}", e.getMessage());
        }
        scheduleRefresh();
    }

    /** Next signing: a day after the current CRL, or when a revoked certificate expires if that is sooner. */
    private void scheduleRefresh() {
        Instant due = crl == null ? clock.instant().plus(CRL_REFRESH)
                : crl.getThisUpdate().toInstant().plus(CRL_REFRESH);
        if (issued != null) {
            for (HostCertificate certificate : issued.certificates()) {
                // A revoked certificate leaves the CRL once it has expired, the second after its notAfter.
                Instant leaves = certificate.notAfter().plusSeconds(1);
                if (certificate.revoked().isPresent() && leaves.isBefore(due)) {
                    due = leaves;
                }
            }
        }
        scheduleRefresh(due);
    }

    private void scheduleRefresh(Instant due) {
        if (closed) {
            return;
        }
        if (refresh != null) {
            refresh.cancel();
        }
        Duration delay = Duration.between(clock.instant(), due);
        refresh = scheduler.schedule(this::refreshCrl, delay.isNegative() ? Duration.ZERO : delay);
    }

    /** Whether the stored CRL can stay: it belongs to the stored state and needs no re-signing yet. */
    private boolean current(X509CRL stored) {
        return stored != null && RevocationLists.number(stored).equals(issued.crlNumber())
                && clock.instant().isBefore(stored.getThisUpdate().toInstant().plus(CRL_REFRESH));
    }

    private X509CRL storedCrl() {
        try {
            return crlFile.read(identity).orElse(null);
        } catch (IOException | RuntimeException e) {
            log.warn("{}; signing a new CRL", e.getMessage());
            return null;
        }
    }

    private IssuedCertificates writable(String what) {
        if (issued == null) {
            reload();
        }
        if (issued == null) {
            throw new IllegalStateException("the account CA cannot " + what + ": " + storeProblem);
        }
        return issued;
    }

    private void reload() {
        try {
            issued = store.read();
            if (storeProblem != null) {
                log.info("the account CA's store {} is readable again", store.path());
            }
            storeProblem = null;
        } catch (DamagedStoreException e) {
            issued = null;
            storeProblem = e.getMessage() + " (it is left as it is: repair it or move it away; until then the CA"
                    + " issues and revokes nothing)";
            log.error("{}", storeProblem);
        }
    }

    private void store(IssuedCertificates next, String what) {
        try {
            store.write(next);
        } catch (IOException e) {
            throw new IllegalStateException("the account CA cannot " + what + " in " + store.path() + ": "
                    + e.getMessage(), e);
        }
        issued = next;
    }

    private void tell(List<HostCertificate> revoked) {
        for (RevocationListener listener : listeners) {
            for (HostCertificate certificate : revoked) {
                try {
                    listener.revoked(certificate);
                } catch (RuntimeException e) {
                    log.error("revocation listener {} failed on certificate {} of {}",
                            listener.getClass().getName(), certificate.serial().toString(16), certificate.fqdn(), e);
                }
            }
        }
    }

    /** The zone, absolute and in lower case, when it is a user's zone under the members domain. */
    private String zone(String zone) throws CertificateRequestException {
        String absolute = ZoneNames.absolute(zone);
        if (!absolute.endsWith("." + domain) || absolute.length() <= domain.length() + 1) {
            throw new CertificateRequestException("the zone " + zone + " is not a user's zone under " + domain);
        }
        for (String label : absolute.substring(0, absolute.length() - domain.length() - 1).split("\\.", -1)) {
            Optional<String> problem = DnsLabel.problem(label);
            if (problem.isPresent()) {
                throw new CertificateRequestException("the zone " + zone + " is not a DNS name: " + problem.get());
            }
        }
        return absolute;
    }

    private static String host(String host) throws CertificateRequestException {
        Optional<String> problem = DnsLabel.problem(host);
        if (problem.isPresent()) {
            throw new CertificateRequestException("the host name '" + host + "' is not a DNS label: "
                    + problem.get());
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** Certificates still valid at {@code now} (RFC 5280 §4.1.2.5: notAfter is the last valid second). */
    private static List<HostCertificate> unexpired(List<HostCertificate> certificates, Instant now) {
        List<HostCertificate> kept = new ArrayList<>();
        for (HostCertificate certificate : certificates) {
            if (!now.isAfter(certificate.notAfter())) {
                kept.add(certificate);
            }
        }
        return kept;
    }

    private static boolean issuedSerial(List<HostCertificate> certificates, BigInteger serial) {
        return certificates.stream().anyMatch(c -> c.serial().equals(serial));
    }
}
