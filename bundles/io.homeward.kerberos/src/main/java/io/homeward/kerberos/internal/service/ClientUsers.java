package io.homeward.kerberos.internal.service;

import java.util.Optional;

import io.homeward.kerberos.internal.wire.PrincipalName;

/** Which user of this host a ticket's client is, if any. */
@FunctionalInterface
public interface ClientUsers {

    /** The user's account name, or empty when the client is nobody this host serves. */
    Optional<String> user(String crealm, PrincipalName cname);

    /**
     * The host's own realm's users: {@code alice@HOME.ALICE.MEMBERS.EXAMPLE} is {@code alice}. The KDC issues tickets
     * to the one user of the host's zone only (docs/kerberos.md, "The certificate-to-principal mapping"), so a client
     * of another realm, or with a name of more than one component, is nobody.
     */
    static ClientUsers ofRealm(String realm) {
        return (crealm, cname) -> crealm.equals(realm) && cname.components().size() == 1
                ? Optional.of(cname.components().get(0)) : Optional.empty();
    }
}
