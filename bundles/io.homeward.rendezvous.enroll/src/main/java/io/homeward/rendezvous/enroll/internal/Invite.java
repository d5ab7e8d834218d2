package io.homeward.rendezvous.enroll.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * A one-time invite as the rendezvous keeps it (docs/enrollment.md, "Invite codes").
 *
 * @param id       {@link io.homeward.kit.enroll.InviteCode#idOf} of the secret, how a request names it
 * @param user     the user the joining machine will belong to
 * @param host     the host label it is for; empty for the joining machine's own name
 * @param created  when it was made
 * @param expires  when it stops being good
 * @param secret   the 16-byte one-time secret, the HMAC key of the request's proof
 * @param failures wrong proofs so far
 * @param used     when a machine enrolled with it
 */
record Invite(String id, String user, Optional<String> host, Instant created, Instant expires, byte[] secret,
        int failures, Optional<Instant> used) {
    /** Wrong proofs after which the invite is dead (docs/enrollment.md, "Who may enroll"). */
    static final int MAX_FAILURES = 5;

    Invite {
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    boolean pending(Instant now) {
        return used.isEmpty() && failures < MAX_FAILURES && now.isBefore(expires);
    }

    Invite withFailure() {
        return new Invite(id, user, host, created, expires, secret, failures + 1, used);
    }

    Invite withExpires(Instant when) {
        return new Invite(id, user, host, created, when, secret, failures, used);
    }

    Invite withUsed(Optional<Instant> when) {
        return new Invite(id, user, host, created, expires, secret, failures, when);
    }

    /** The host it is for, or what it means when it names none. */
    String hostText() {
        return host.orElse("(the joining machine's name)");
    }

    /** The secret never appears in logs. */
    @Override
    public String toString() {
        return "Invite[" + id + " for " + user + "]";
    }
}
