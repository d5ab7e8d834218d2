package io.homeward.api.enroll;

import java.util.Objects;

/**
 * An invite just made: the only time its code is shown.
 *
 * @param invite  the invite
 * @param zone    the user's zone, absolute
 * @param code    the invite code ({@code HW1…}, RFC 4648 base32) to hand to the new machine
 * @param command what the new machine runs to join: {@code java -jar homeward.jar --feature agent --join CODE}
 * @since 1.0
 */
public record NewInvite(PendingInvite invite, String zone, String code, String command) {

    public NewInvite {
        Objects.requireNonNull(invite, "invite");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(command, "command");
    }

    /** {@code laptop.alice.members.example.}, or "a new machine of alice.members.example.". */
    public String forWhom() {
        return invite.host().map(h -> h + "." + zone).orElse("a new machine of " + zone);
    }
}
