package io.homeward.api.enroll;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invite no machine has used yet; never its secret or code.
 *
 * @param id      the invite's id (the hash of its secret), how it is named for cancelling
 * @param user    the user the joining machine will belong to
 * @param host    the host label it is for; empty for the joining machine's own name
 * @param expires when it stops being good
 * @since 1.0
 */
public record PendingInvite(String id, String user, Optional<String> host, Instant expires) {

    public PendingInvite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(expires, "expires");
    }
}
