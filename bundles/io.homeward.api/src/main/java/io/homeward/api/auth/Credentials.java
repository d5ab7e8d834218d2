package io.homeward.api.auth;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Who this host signs in as and the keys that prove it; registered only once signed in. */
@ProviderType
public interface Credentials {

    String userName();

    /** The user's zone, absolute, for example {@code alice.members.example.}. */
    String zone();

    /** The key derived from the user's password, used to sign updates and long-lived queries. */
    TsigKey tsigKey();

    /** The host certificate chain issued by the account CA at sign-in, leaf first, if issued. */
    List<X509Certificate> certificateChain();

    /** The private key of the host certificate, if issued. */
    Optional<PrivateKey> privateKey();

    /**
     * SHA-256 fingerprint of the rendezvous' TLS certificate as sign-in proved the key against it (the configured
     * pin, or the certificate seen then), hex pairs with colons; empty when unknown. Components that talk to the
     * same rendezvous over TLS pin it unless configured otherwise.
     */
    default String tlsFingerprint() {
        return "";
    }
}
