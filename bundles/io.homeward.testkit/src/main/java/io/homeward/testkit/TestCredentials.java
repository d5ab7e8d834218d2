package io.homeward.testkit;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;

/** Signed in without a host certificate: a user, the user's zone, a TSIG key and the rendezvous pin. */
public record TestCredentials(String userName, String zone, TsigKey tsigKey, String tlsFingerprint)
        implements Credentials {

    /** Signed in as {@code userName} of {@code zone}, with an all-zero HMAC-SHA256 key named after the zone. */
    public static TestCredentials of(String userName, String zone) {
        return new TestCredentials(userName, zone, new TsigKey(zone, "hmac-sha256.", new byte[32]), "");
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
