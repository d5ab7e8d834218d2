package io.homeward.signin.internal;

import java.util.Optional;

/** Asks the person at the terminal for a password without echoing it; a seam for tests. */
interface PasswordPrompt {

    /** Empty when there is no terminal to ask. */
    Optional<char[]> ask(String prompt);
}
