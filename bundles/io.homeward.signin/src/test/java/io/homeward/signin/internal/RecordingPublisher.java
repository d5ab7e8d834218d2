package io.homeward.signin.internal;

import io.homeward.api.auth.Credentials;

/** Remembers what would be registered as the Credentials service. */
final class RecordingPublisher implements CredentialsPublisher {
    volatile Credentials published;

    @Override
    public void publish(Credentials credentials) {
        published = credentials;
    }

    @Override
    public void withdraw() {
        published = null;
    }
}
