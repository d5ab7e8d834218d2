package io.homeward.rendezvous.accounts.internal;

import java.util.Optional;

/** What a password must be before a key is derived from it. */
final class PasswordRules {
    static final int MIN_LENGTH = 8;

    private PasswordRules() {
    }

    /** Empty when acceptable, otherwise why not. Never repeats the password. */
    static Optional<String> problem(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        for (char c : password) {
            if (Character.isISOControl(c)) {
                return Optional.of("a password must not contain control characters (tabs, line breaks)");
            }
        }
        return Optional.empty();
    }
}
