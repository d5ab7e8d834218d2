package io.homeward.signin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.enroll.EnrollmentAuthorization;
import io.homeward.kit.pem.KeyPairs;

/**
 * Enrollment as the agent does it (docs/enrollment.md, "Enrollment over EST"): a key pair made here, the request
 * proved with an invite's secret or the user's key, the certificate checked against the account CA from
 * {@code cacerts}, then the host's own TSIG key fetched with the new certificate as TLS client certificate.
 */
final class Enroller {
    private final Clock clock;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    /**
     * What proves the request: the key's holder and the key.
     *
     * @param subject the invite's id, or the name of the user's key (the zone)
     */
    record Proof(EnrollmentAuthorization.Scheme scheme, String subject, byte[] key) {
        Proof {
            key = key.clone();
        }

        @Override
        public String toString() {
            return "Proof[" + scheme.token() + ", " + subject + "]";
        }
    }

    /** What a successful enrollment gives the host. */
    record Enrolled(IssuedCertificate certificate, TsigKey hostKey) {
    }

    Enroller(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    Enrolled enroll(HostPort est, String pin, String zone, String host, Proof proof) throws SignInException {
        EstClient client = new EstClient(est, pin, timeout);
        KeyPair keys = KeyPairs.p256(random);
        byte[] request = CertificateRequests.request(host, zone, keys);
        long time = clock.instant().getEpochSecond();
        List<X509Certificate> issued = client.simpleEnroll(request,
                body -> EnrollmentAuthorization.sign(proof.scheme(), proof.subject(), proof.key(), time, body).header());
        X509Certificate leaf = ours(issued, keys.getPublic(), est);
        X509Certificate ca = client.caCertificates().stream().filter(candidate -> signs(candidate, leaf)).findFirst()
                .orElseThrow(() -> new SignInException("the certificate from " + est + " is not signed by the "
                        + "account CA it names in cacerts"));
        IssuedCertificate certificate = new IssuedCertificate(List.of(leaf, ca), keys.getPrivate());
        return new Enrolled(certificate, client.hostKey(certificate));
    }

    /**
     * The first of an invite's rendezvous addresses whose EST port accepts a connection within the timeout, else the
     * first: an invite names up to four (IPv4 and IPv6), not all of which this machine may reach.
     */
    InetAddress firstReachable(List<InetAddress> addresses, int estPort) {
        for (InetAddress address : addresses) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(address, estPort), (int) timeout.toMillis());
                return address;
            } catch (IOException unreachable) {
                // try the next address
            }
        }
        return addresses.get(0);
    }

    /** {@code simplereenroll} with a new key pair; the CA stays the one of the current certificate. */
    IssuedCertificate renew(HostPort est, String pin, String zone, String host, IssuedCertificate current)
            throws SignInException {
        EstClient client = new EstClient(est, pin, timeout);
        KeyPair keys = KeyPairs.p256(random);
        X509Certificate leaf = ours(client.simpleReenroll(CertificateRequests.request(host, zone, keys), current),
                keys.getPublic(), est);
        if (!signs(current.ca(), leaf)) {
            throw new SignInException("the renewed certificate from " + est + " is not signed by the account CA");
        }
        return new IssuedCertificate(List.of(leaf, current.ca()), keys.getPrivate());
    }

    /**
     * Renames the host (docs/enrollment.md, "Renaming a host") with a new key pair: the rendezvous answers the
     * certificate and the host key for the new name; the CA stays the one of the current certificate.
     */
    Enrolled rename(HostPort est, String pin, String zone, String newHost, IssuedCertificate current)
            throws SignInException {
        EstClient client = new EstClient(est, pin, timeout);
        KeyPair keys = KeyPairs.p256(random);
        HostKeyJson.Renamed renamed = client.rename(CertificateRequests.request(newHost, zone, keys), current);
        X509Certificate leaf;
        try {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(renamed.certificate()));
        } catch (CertificateException | ClassCastException e) {
            throw new SignInException("the enrollment server at " + est + " answered the rename with something that"
                    + " is not a certificate");
        }
        leaf = ours(List.of(leaf), keys.getPublic(), est);
        if (!signs(current.ca(), leaf)) {
            throw new SignInException("the certificate for the new name from " + est + " is not signed by the account"
                    + " CA");
        }
        String expected = CertificateRequests.commonName(newHost, zone) + ".";
        if (!renamed.key().name().equalsIgnoreCase(expected)) {
            throw new SignInException("the enrollment server at " + est + " sent a key for " + renamed.key().name()
                    + ", not for " + expected);
        }
        return new Enrolled(new IssuedCertificate(List.of(leaf, current.ca()), keys.getPrivate()), renamed.key());
    }

    /** The account CA's CRL, its signature checked. */
    X509CRL crl(HostPort est, String pin, X509Certificate ca) throws SignInException {
        X509CRL crl = new EstClient(est, pin, timeout).crl();
        try {
            crl.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new SignInException("the CRL from " + est + " is not signed by the account CA");
        }
        return crl;
    }

    /** The issued certificate for this request's key: the CA copies nothing else from the request. */
    private static X509Certificate ours(List<X509Certificate> issued, PublicKey key, HostPort est)
            throws SignInException {
        return issued.stream().filter(c -> Arrays.equals(c.getPublicKey().getEncoded(), key.getEncoded()))
                .findFirst().orElseThrow(() -> new SignInException("the enrollment server at " + est
                        + " sent a certificate for another key than the one requested"));
    }

    private static boolean signs(X509Certificate ca, X509Certificate leaf) {
        try {
            leaf.verify(ca.getPublicKey());
            return ca.getBasicConstraints() >= 0;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
