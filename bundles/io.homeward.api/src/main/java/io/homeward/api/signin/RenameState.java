package io.homeward.api.signin;

import java.time.Instant;
import java.util.Optional;

/**
 * A rename of this host (docs/enrollment.md, "Renaming a host").
 *
 * @param phase   where it is
 * @param from    the name before, "" when {@link Phase#IDLE}
 * @param to      the name asked for, "" when {@link Phase#IDLE}
 * @param message what is happening or what happened, in one line; "" when {@link Phase#IDLE}
 * @param changed when the phase or the message last changed; empty when {@link Phase#IDLE}
 * @since 1.0
 */
public record RenameState(Phase phase, String from, String to, String message, Optional<Instant> changed) {

    /** No rename since the agent started. */
    public static final RenameState IDLE = new RenameState(Phase.IDLE, "", "", "", Optional.empty());

    /** The phases of a rename. */
    public enum Phase {
        /** None since the agent started. */
        IDLE,
        /** Asking the rendezvous, or waiting to ask it again after it could not be reached. */
        RUNNING,
        /** The host has its new name. */
        DONE,
        /** Refused; the host keeps its old name, and the message says why. */
        FAILED
    }
}
