package io.homeward.signin.internal;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A host certificate from the account CA with its private key.
 *
 * @param chain      the host certificate first, the account CA last (docs/enrollment.md)
 * @param privateKey the key made on this machine for it
 */
record IssuedCertificate(List<X509Certificate> chain, PrivateKey privateKey) {

    IssuedCertificate {
        chain = List.copyOf(chain);
        if (chain.size() != 2) {
            throw new IllegalArgumentException("a host certificate chain is the certificate and the account CA");
        }
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    X509Certificate ca() {
        return chain.get(1);
    }

    BigInteger serial() {
        return leaf().getSerialNumber();
    }

    Instant notBefore() {
        return leaf().getNotBefore().toInstant();
    }

    Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    /** Two thirds into the certificate's lifetime, when docs/enrollment.md renews it. */
    Instant renewalDue() {
        Duration lifetime = Duration.between(notBefore(), notAfter());
        return notBefore().plus(lifetime.multipliedBy(2).dividedBy(3));
    }

    /** The private key never appears in logs. */
    @Override
    public String toString() {
        return "IssuedCertificate[" + leaf().getSubjectX500Principal().getName() + ", serial " + serial().toString(16)
                + "]";
    }
}
