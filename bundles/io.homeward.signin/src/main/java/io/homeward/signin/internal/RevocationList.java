package io.homeward.signin.internal;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.x500.X500Principal;

import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.auth.RevokedCertificatesListener;
import io.homeward.kit.enroll.RevokedRecord;

/**
 * The account's revoked certificates as this host knows them (docs/enrollment.md, "Revocation"): the serials of
 * the latest CRL, and those of the TXT records at {@code _revoked._homeward.<zone>}, each until its certificate's
 * notAfter. Listeners hear each serial once, when it first becomes known, outside this object's lock.
 */
final class RevocationList implements RevokedCertificates {
    private final Clock clock;
    private final List<RevokedCertificatesListener> listeners = new CopyOnWriteArrayList<>();
    private Set<BigInteger> fromCrl = Set.of();
    private final Map<BigInteger, RevokedRecord> fromZone = new HashMap<>();
    private Optional<X500Principal> issuer = Optional.empty();

    RevocationList(Clock clock) {
        this.clock = clock;
    }

    /** Replaces what the previous CRL said; the CRL's signature was checked by the caller. */
    void replaceCrl(X509CRL crl) {
        Set<BigInteger> serials = new HashSet<>();
        Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
        if (entries != null) {
            entries.forEach(entry -> serials.add(entry.getSerialNumber()));
        }
        Set<BigInteger> known;
        synchronized (this) {
            known = serials();
            fromCrl = Set.copyOf(serials);
            issuer = Optional.of(crl.getIssuerX500Principal());
        }
        tell(serials, known);
    }

    void zoneAdded(RevokedRecord record) {
        Set<BigInteger> known;
        synchronized (this) {
            known = serials();
            fromZone.put(record.serial(), record);
        }
        if (record.until().isAfter(clock.instant())) {
            tell(Set.of(record.serial()), known);
        }
    }

    synchronized void zoneRemoved(RevokedRecord record) {
        fromZone.remove(record.serial());
    }

    /** Forgets everything, as when the host signs out. */
    synchronized void clear() {
        fromCrl = Set.of();
        fromZone.clear();
        issuer = Optional.empty();
    }

    @Override
    public boolean isRevoked(X509Certificate certificate) {
        Optional<X500Principal> known;
        synchronized (this) {
            known = issuer;
        }
        return known.map(i -> i.equals(certificate.getIssuerX500Principal())).orElse(true)
                && serials().contains(certificate.getSerialNumber());
    }

    @Override
    public synchronized Set<BigInteger> serials() {
        Set<BigInteger> all = new HashSet<>(fromCrl);
        fromZone.values().stream().filter(r -> r.until().isAfter(clock.instant())).map(RevokedRecord::serial)
                .forEach(all::add);
        return Set.copyOf(all);
    }

    @Override
    public void addRevokedCertificatesListener(RevokedCertificatesListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeRevokedCertificatesListener(RevokedCertificatesListener listener) {
        listeners.remove(listener);
    }

    private void tell(Set<BigInteger> serials, Set<BigInteger> known) {
        Set<BigInteger> fresh = new HashSet<>(serials);
        fresh.removeAll(known);
        if (!fresh.isEmpty()) {
            Set<BigInteger> told = Set.copyOf(fresh);
            listeners.forEach(listener -> listener.revoked(told));
        }
    }
}
