package io.homeward.itests;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;

/** What the sign-in issue will provide: the user's zone and password-derived key, without certificates yet. */
record ZoneCredentials(String userName, String zone, TsigKey tsigKey) implements Credentials {
    @Override
    public List<X509Certificate> certificateChain() {
        return List.of();
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return Optional.empty();
    }
}
