package io.homeward.signin.internal;

import io.homeward.api.auth.Credentials;

/** Makes the signed-in credentials visible to the rest of the agent (an OSGi service) or withdraws them. */
interface CredentialsPublisher {

    /** Publishes these credentials, replacing any published before. */
    void publish(Credentials credentials);

    /** Withdraws what was published; nothing happens when nothing is. */
    void withdraw();
}
