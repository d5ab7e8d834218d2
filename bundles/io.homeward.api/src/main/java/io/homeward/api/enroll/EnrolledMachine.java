package io.homeward.api.enroll;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.homeward.api.ca.HostCertificate;

/**
 * An enrolled host of a user.
 *
 * @param host         the host label, for example {@code laptop}
 * @param keySince     when its host key was made, empty when it has none (revoked, or not fetched yet)
 * @param certificates its unexpired certificates, revoked ones included
 * @since 1.0
 */
public record EnrolledMachine(String host, Optional<Instant> keySince, List<HostCertificate> certificates) {

    public EnrolledMachine {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(keySince, "keySince");
        certificates = List.copyOf(certificates);
    }

    /** The latest expiry of its certificates that are not revoked; empty when none is valid. */
    public Optional<Instant> validUntil() {
        return certificates.stream().filter(c -> c.revoked().isEmpty()).map(HostCertificate::notAfter)
                .max(Comparator.naturalOrder());
    }

    /** Whether it has certificates and every one of them is revoked. */
    public boolean revoked() {
        return !certificates.isEmpty() && certificates.stream().allMatch(c -> c.revoked().isPresent());
    }
}
