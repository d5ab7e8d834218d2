package io.homeward.peers.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;

/** Signed in as some user of some zone; the key is never used by the directory. */
record TestCredentials(String userName, String zone) implements Credentials {
    @Override
    public TsigKey tsigKey() {
        return new TsigKey(zone, "hmac-sha256.", new byte[32]);
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return List.of();
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return Optional.empty();
    }
}
