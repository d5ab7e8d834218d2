package io.homeward.rendezvous.accounts.internal;

import java.util.Optional;

/** Asks the operator for a password without showing it; a seam so commands can be tested. */
interface PasswordPrompt {

    /** The typed password, or empty when there is no terminal to ask on. */
    Optional<char[]> ask(String prompt);
}
