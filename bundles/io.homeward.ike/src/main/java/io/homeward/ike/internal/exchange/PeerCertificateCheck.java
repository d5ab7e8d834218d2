package io.homeward.ike.internal.exchange;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import io.homeward.api.auth.RevokedCertificates;

/**
 * Whether IKE_AUTH may accept a peer's certificate (RFC 7296 §2.15, ikev2.md §10.3–10.4, docs/enrollment.md "Host
 * certificates"): issued and signed by the account CA, valid at the clock's time, with an extended key usage for IKE
 * (id-kp-ipsecIKE, RFC 4945 §5.1.3.12) or TLS server or client authentication, not revoked, its SAN dNSName the
 * peer's ID_FQDN and its SAN URI {@code dns:<zone>} (RFC 4501) this user's zone. The account CA has path length 0,
 * so the end-entity certificate is signed by it directly; that signature is verified once per certificate
 * ({@link VerifiedIssuerSignatures}), every other rule at every check. Each refusal names its rule for the log line.
 */
public final class PeerCertificateCheck {
    private static final String IPSEC_IKE = "1.3.6.1.5.5.7.3.17";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int SAN_DNS_NAME = 2;
    private static final int SAN_URI = 6;
    private static final int KEY_USAGE_DIGITAL_SIGNATURE = 0;
    /** Hosts of one account whose certificates' CA signature is remembered: far more than a user has. */
    private static final int REMEMBERED_SIGNATURES = 1024;

    /** The rules, in the order they are checked. */
    public enum Rule {
        NO_CERTIFICATE("no certificate"),
        OTHER_CA("not issued by the account CA"),
        VALIDITY("not valid now"),
        KEY_USAGE("not for IKE signatures"),
        REVOKED("revoked"),
        IDENTITY("not the certificate of the ID"),
        ZONE("a host of another user");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final X509Certificate accountCa;
    private final String zone;
    private final RevokedCertificates revoked;
    private final Clock clock;
    private final VerifiedIssuerSignatures signatures;

    /**
     * @param zone this user's zone, with or without the final dot ({@code alice.members.example.})
     */
    public PeerCertificateCheck(X509Certificate accountCa, String zone, RevokedCertificates revoked, Clock clock) {
        this.accountCa = accountCa;
        this.zone = withoutDot(zone);
        this.revoked = revoked;
        this.clock = clock;
        this.signatures = new VerifiedIssuerSignatures(accountCa.getPublicKey(), REMEMBERED_SIGNATURES);
    }

    /** The trust anchor, which CERTREQ names (RFC 7296 §3.7). */
    public X509Certificate accountCa() {
        return accountCa;
    }

    /**
     * Checks the peer's certificates, end entity first (RFC 7296 §3.6), against the ID_FQDN it claims.
     *
     * @return the end-entity certificate, whose key verifies the AUTH payload
     * @throws CertificateRefusedException naming the first rule broken
     */
    public X509Certificate check(List<X509Certificate> chain, String idFqdn) throws CertificateRefusedException {
        if (chain.isEmpty()) {
            throw new CertificateRefusedException(Rule.NO_CERTIFICATE, "IKE_AUTH without a CERT payload");
        }
        X509Certificate leaf = chain.get(0);
        String subject = leaf.getSubjectX500Principal().getName();
        issuedByAccountCa(leaf, subject);
        Date now = Date.from(clock.instant());
        try {
            leaf.checkValidity(now);
            accountCa.checkValidity(now);
        } catch (CertificateException e) {
            throw new CertificateRefusedException(Rule.VALIDITY, subject + " or the account CA is valid from "
                    + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant() + ", now is "
                    + now.toInstant());
        }
        forSignatures(leaf, subject);
        if (revoked.isRevoked(leaf)) {
            throw new CertificateRefusedException(Rule.REVOKED, subject + ", serial " + leaf.getSerialNumber().toString(16));
        }
        List<String> dnsNames = alternativeNames(leaf, SAN_DNS_NAME);
        String id = withoutDot(idFqdn);
        if (dnsNames.stream().noneMatch(name -> withoutDot(name).equals(id))) {
            throw new CertificateRefusedException(Rule.IDENTITY, "ID_FQDN " + idFqdn + ", the certificate names "
                    + dnsNames);
        }
        List<String> uris = alternativeNames(leaf, SAN_URI);
        if (!uris.contains("dns:" + zone)) {
            throw new CertificateRefusedException(Rule.ZONE, subject + " belongs to " + uris + ", this is dns:" + zone);
        }
        return leaf;
    }

    private void issuedByAccountCa(X509Certificate leaf, String subject) throws CertificateRefusedException {
        if (!leaf.getIssuerX500Principal().equals(accountCa.getSubjectX500Principal())) {
            String issuer = leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal()) ? "itself"
                    : leaf.getIssuerX500Principal().getName();
            throw new CertificateRefusedException(Rule.OTHER_CA, subject + " is issued by " + issuer);
        }
        try {
            signatures.verify(leaf);
        } catch (GeneralSecurityException e) {
            throw new CertificateRefusedException(Rule.OTHER_CA, subject + " names the account CA but its signature"
                    + " does not verify with the CA's key");
        }
    }

    private static void forSignatures(X509Certificate leaf, String subject) throws CertificateRefusedException {
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !keyUsage[KEY_USAGE_DIGITAL_SIGNATURE]) {
            throw new CertificateRefusedException(Rule.KEY_USAGE, subject + " lacks the key usage digitalSignature");
        }
        List<String> purposes;
        try {
            purposes = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new CertificateRefusedException(Rule.KEY_USAGE, subject + " has an unreadable extended key usage");
        }
        if (purposes == null || purposes.stream().noneMatch(
                purpose -> purpose.equals(IPSEC_IKE) || purpose.equals(SERVER_AUTH) || purpose.equals(CLIENT_AUTH))) {
            throw new CertificateRefusedException(Rule.KEY_USAGE, subject + " has extended key usages " + purposes
                    + ", none of id-kp-ipsecIKE, serverAuth, clientAuth");
        }
    }

    private static List<String> alternativeNames(X509Certificate leaf, int type) throws CertificateRefusedException {
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateRefusedException(Rule.IDENTITY, "unreadable subjectAltName");
        }
        if (names == null) {
            return List.of();
        }
        return names.stream().filter(name -> name.size() == 2 && Integer.valueOf(type).equals(name.get(0))
                && name.get(1) instanceof String).map(name -> ((String) name.get(1)).toLowerCase(Locale.ROOT)).toList();
    }

    private static String withoutDot(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
