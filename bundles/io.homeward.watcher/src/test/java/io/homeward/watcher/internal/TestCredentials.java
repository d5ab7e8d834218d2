package io.homeward.watcher.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;

/** Alice signed in, with the key of the byte-by-byte examples. */
record TestCredentials(TsigKey tsigKey) implements Credentials {

    TestCredentials() {
        this(TestKeys.KEY);
    }

    @Override
    public String userName() {
        return "alice";
    }

    @Override
    public String zone() {
        return TestKeys.ZONE;
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
