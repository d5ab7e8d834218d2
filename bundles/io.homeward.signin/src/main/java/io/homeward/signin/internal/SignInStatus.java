package io.homeward.signin.internal;

import java.util.Optional;

/**
 * What {@code homeward:whoami} and the console page show.
 *
 * @param current   the stored sign-in, empty when signed out
 * @param lastError the last sign-in or verification failure, "" when the last attempt succeeded
 */
record SignInStatus(Optional<StoredKey> current, String lastError) {

    /** One or two lines for a terminal. */
    String describe() {
        String state = current.map(s -> "Signed in as " + s.user() + " (zone " + s.zone() + ") since " + s.since()
                + ", server " + s.server() + (s.pin().isEmpty() ? "" : ", pin " + s.pin()))
                .orElse("Not signed in.");
        return lastError.isEmpty() ? state : state + "\nLast error: " + lastError;
    }
}
