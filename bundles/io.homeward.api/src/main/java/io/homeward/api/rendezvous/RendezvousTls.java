package io.homeward.api.rendezvous;

import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The rendezvous' TLS identity, the one agents pin: every TLS service of the rendezvous (DNS over TLS, enrollment)
 * presents it so that one pin covers them all.
 *
 * @since 2.1
 */
@ProviderType
public interface RendezvousTls {

    /** Key managers presenting the certificate below, for a server-side {@code SSLContext}. */
    KeyManager[] keyManagers();

    /** The leaf certificate. */
    X509Certificate certificate();

    /** SHA-256 of the leaf certificate, upper-case hex pairs joined by colons, as agents pin it. */
    String fingerprint();
}
