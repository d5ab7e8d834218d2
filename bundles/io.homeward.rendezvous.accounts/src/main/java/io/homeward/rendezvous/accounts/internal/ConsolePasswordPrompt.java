package io.homeward.rendezvous.accounts.internal;

import java.io.Console;
import java.util.Optional;

/** Reads from the JVM's terminal with echo off ({@link Console#readPassword}). */
final class ConsolePasswordPrompt implements PasswordPrompt {

    @Override
    public Optional<char[]> ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(console.readPassword("%s", prompt));
    }
}
