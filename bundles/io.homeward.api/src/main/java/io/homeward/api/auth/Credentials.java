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

    /**
     * The key that signs this host's updates and long-lived queries: since 1.2 the host's own key from enrollment,
     * named after the host, which may change only this host's names (docs/enrollment.md, "Per-host keys").
     */
    TsigKey tsigKey();

    /** The host certificate chain issued by the account CA at enrollment, leaf first and the account CA last, if issued. */
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

    /**
     * The account CA's certificate: the trust anchor for the user's other hosts (IKE, Kerberos); empty if not enrolled.
     *
     * @since 1.2
     */
    default Optional<X509Certificate> accountCa() {
        List<X509Certificate> chain = certificateChain();
        return chain.size() < 2 ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }
}
