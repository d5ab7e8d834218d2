package io.homeward.signin.internal;

import java.io.Console;
import java.util.Optional;

/** Reads from the JVM's terminal with echo off. */
final class TerminalPasswordPrompt implements PasswordPrompt {

    @Override
    public Optional<char[]> ask(String prompt) {
        Console console = System.console();
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    }
}
