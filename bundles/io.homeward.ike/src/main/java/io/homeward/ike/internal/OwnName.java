package io.homeward.ike.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The FQDN IKE runs as: the host of the zone its certificate names (subjectAltName dNSName), which is what a peer
 * checks the ID payload against (RFC 7296 §3.5, RFC 4945 §3.1); the host identity's name only when the certificate
 * names no host of the zone. A join or a rename renews the credentials and renames the host identity one after the
 * other; in between the two names differ, and running as the identity's name made peers refuse this host.
 */
final class OwnName {
    private static final int DNS_NAME = 2;

    private OwnName() {
    }

    /** {@code <host>.<zone>}, {@code zone} without its final dot. */
    static String of(X509Certificate leaf, String zone, String identityHost) {
        return certifiedHost(leaf, zone).orElse(identityHost.toLowerCase(Locale.ROOT)) + "." + zone;
    }

    private static Optional<String> certifiedHost(X509Certificate leaf, String zone) {
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        String suffix = "." + zone.toLowerCase(Locale.ROOT);
        return (names == null ? List.<List<?>>of() : names).stream()
                .filter(name -> name.size() == 2 && Integer.valueOf(DNS_NAME).equals(name.get(0))
                        && name.get(1) instanceof String)
                .map(name -> ((String) name.get(1)).toLowerCase(Locale.ROOT))
                .map(name -> name.endsWith(".") ? name.substring(0, name.length() - 1) : name)
                .filter(name -> name.endsWith(suffix))
                .map(name -> name.substring(0, name.length() - suffix.length()))
                .filter(host -> !host.isEmpty() && !host.contains("."))
                .findFirst();
    }
}
