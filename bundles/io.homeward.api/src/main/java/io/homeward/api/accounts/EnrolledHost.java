package io.homeward.api.accounts;

import java.time.Instant;

import io.homeward.api.auth.TsigKey;

/**
 * A host with a TSIG key of its own.
 *
 * @param user     the user name
 * @param zone     the user's zone, absolute, for example {@code alice.members.example.}
 * @param host     the host label, for example {@code laptop}
 * @param key      the host's key, named after {@link #fqdn()}
 * @param enrolled when the key was made
 * @since 2.1
 */
public record EnrolledHost(String user, String zone, String host, TsigKey key, Instant enrolled) {

    /** The host's name, absolute: {@code laptop.alice.members.example.}. */
    public String fqdn() {
        return host + "." + zone;
    }
}
