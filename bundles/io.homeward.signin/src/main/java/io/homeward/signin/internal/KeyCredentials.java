package io.homeward.signin.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;

/**
 * Credentials made of what sign-in stored: the host's own TSIG key, its certificate chain [host, account CA] and
 * private key; a sign-in an older agent stored has its master key and no certificate until it enrolls.
 */
final class KeyCredentials implements Credentials {
    private final StoredKey stored;

    KeyCredentials(StoredKey stored) {
        this.stored = stored;
    }

    @Override
    public String userName() {
        return stored.user();
    }

    @Override
    public String zone() {
        return stored.zone();
    }

    @Override
    public TsigKey tsigKey() {
        return stored.key();
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return stored.certificate().map(IssuedCertificate::chain).orElse(List.of());
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return stored.certificate().map(IssuedCertificate::privateKey);
    }

    @Override
    public String tlsFingerprint() {
        return stored.pin();
    }

    @Override
    public String toString() {
        return "Credentials[" + stored.user() + ", " + stored.zone() + "]";
    }
}
