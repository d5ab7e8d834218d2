package io.homeward.rendezvous.ca.internal;

import java.math.BigInteger;
import java.util.List;

import io.homeward.api.ca.HostCertificate;

/**
 * What the CA keeps: the number of the last CRL it signed (RFC 5280 §5.2.3: numbers only grow) and every
 * certificate it issued that has not expired, revoked or not, oldest first.
 */
record IssuedCertificates(BigInteger crlNumber, List<HostCertificate> certificates) {
    static final IssuedCertificates NONE = new IssuedCertificates(BigInteger.ZERO, List.of());

    IssuedCertificates {
        certificates = List.copyOf(certificates);
    }
}
