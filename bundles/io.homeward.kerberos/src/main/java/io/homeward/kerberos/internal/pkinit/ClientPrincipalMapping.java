package io.homeward.kerberos.internal.pkinit;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * The certificate-to-principal mapping of this host's KDC (docs/kerberos.md "PKINIT"): a certificate of the account
 * CA for a host of this user's zone (SAN URI {@code dns:<zone>} and dNSName {@code <host>.<zone>}, docs/enrollment.md
 * "Host certificates") with EKU id-pkinit-KPClientAuth or id-kp-clientAuth maps to the user's principal
 * {@code <user>@REALM}, the user being the zone's first label (the account's name, docs/architecture.md) and REALM
 * this host's name in upper case. Anything else maps to nobody.
 */
public final class ClientPrincipalMapping {
    private static final int SAN_DNS_NAME = 2;
    private static final int SAN_URI = 6;

    private final String zone;
    private final Krb5PrincipalName user;

    /**
     * @param zone the user's zone, with or without the final dot ({@code alice.members.example.})
     * @param realm this host's realm ({@code HOME.ALICE.MEMBERS.EXAMPLE})
     */
    public ClientPrincipalMapping(String zone, String realm) {
        String lower = zone.toLowerCase(Locale.ROOT);
        this.zone = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        int dot = this.zone.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("a user's zone has a label below the members domain: " + zone);
        }
        this.user = new Krb5PrincipalName(Krb5PrincipalName.NT_PRINCIPAL, List.of(this.zone.substring(0, dot)),
                realm);
    }

    /** The principal of the zone's user. */
    public Krb5PrincipalName user() {
        return user;
    }

    /**
     * The principal a verified certificate of the account CA maps to.
     *
     * @throws PkinitException KDC_ERR_INCONSISTENT_KEY_PURPOSE without a client EKU, KDC_ERR_CLIENT_NAME_MISMATCH for
     *     a certificate naming no host of this zone
     */
    Krb5PrincipalName map(X509Certificate certificate) throws PkinitException {
        String subject = certificate.getSubjectX500Principal().getName();
        if (!CertificateNames.hasPurpose(certificate, PkinitOids.KP_CLIENT_AUTH)
                && !CertificateNames.hasPurpose(certificate, PkinitOids.KP_TLS_CLIENT_AUTH)) {
            throw new PkinitException(PkinitError.INCONSISTENT_KEY_PURPOSE, subject
                    + " has neither id-pkinit-KPClientAuth nor id-kp-clientAuth");
        }
        List<String> zones = CertificateNames.alternativeNames(certificate, SAN_URI);
        if (!zones.contains("dns:" + zone)) {
            throw new PkinitException(PkinitError.CLIENT_NAME_MISMATCH, subject + " belongs to " + zones
                    + ", this KDC to dns:" + zone);
        }
        List<String> hosts = CertificateNames.alternativeNames(certificate, SAN_DNS_NAME);
        if (hosts.stream().noneMatch(this::hostOfZone)) {
            throw new PkinitException(PkinitError.CLIENT_NAME_MISMATCH, subject + " names " + hosts
                    + ", no host of " + zone);
        }
        return user;
    }

    private boolean hostOfZone(String name) {
        String suffix = "." + zone;
        return name.endsWith(suffix) && name.length() > suffix.length()
                && name.substring(0, name.length() - suffix.length()).indexOf('.') < 0;
    }
}
