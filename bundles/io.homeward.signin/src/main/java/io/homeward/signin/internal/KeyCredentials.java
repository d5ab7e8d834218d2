package io.homeward.signin.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;

/** Credentials made of the stored derived key; no host certificate is issued at sign-in yet. */
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
        return List.of();
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return Optional.empty();
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
