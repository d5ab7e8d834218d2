package io.homeward.kerberos.internal.client;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.homeward.api.auth.Credentials;
import io.homeward.kerberos.internal.pkinit.SigningCredential;

/**
 * What this host proves itself with to its peers' KDCs (docs/kerberos.md "PKINIT"): its key and host certificate
 * from enrollment, the account CA that must have signed the KDCs' certificates, and the user's zone, whose first
 * label is the user's principal in every peer's realm.
 */
record ClientIdentity(SigningCredential credential, Set<TrustAnchor> anchors, String zone) {

    /** The identity sign-in gave, if it includes a host certificate, its key and the account CA. */
    static Optional<ClientIdentity> of(Credentials credentials) {
        List<X509Certificate> chain = credentials.certificateChain();
        if (chain.isEmpty() || credentials.privateKey().isEmpty() || credentials.accountCa().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClientIdentity(new SigningCredential(credentials.privateKey().get(), chain),
                Set.of(new TrustAnchor(credentials.accountCa().get(), null)), credentials.zone()));
    }
}
