package io.homeward.rendezvous.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kit.text.PasswordKeys;
import io.homeward.testkit.RecordingLogger;

class AccountCommandTest {
    @TempDir
    Path data;

    private final Deque<Optional<char[]>> typed = new ArrayDeque<>();
    private AccountServiceComponent accounts;
    private AccountCommand commands;

    @BeforeEach
    void setUp() {
        accounts = TestComponents.accounts(data, new RecordingLogger());
        commands = new AccountCommand(accounts, prompt -> typed.removeFirst());
    }

    private void type(String password) {
        typed.add(Optional.of(password.toCharArray()));
    }

    @Test
    void useraddReadsThePasswordTwiceFromTheTerminal() throws Exception {
        type("terminal secret");
        type("terminal secret");
        assertEquals("added user alice with zone alice.members.example.", commands.useradd("alice"));
        assertEquals(PasswordKeys.derive("alice.members.example.", "terminal secret".toCharArray()).name(),
                accounts.key("alice.members.example.").orElseThrow().name());
    }

    @Test
    void differentlyTypedPasswordsChangeNothing() {
        type("terminal secret");
        type("terminal secreT");
        assertEquals("useradd: the two passwords differ; nothing was changed", commands.useradd("alice"));
        assertTrue(accounts.users().isEmpty());
    }

    @Test
    void withoutATerminalTheCommandSaysHowToPassThePassword() {
        typed.add(Optional.empty());
        assertEquals("passwd: there is no terminal to read a password from without echo; give it as the second argument:"
                + " homeward:passwd alice <password>", commands.passwd("alice"));
    }

    @Test
    void scriptsPassThePasswordAsAnArgumentAndSeeRefusals() {
        assertEquals("added user bob with zone bob.members.example.", commands.useradd("bob", "script password"));
        assertEquals("useradd: a password needs at least 8 characters", commands.useradd("carol", "short"));
        assertTrue(commands.passwd("bob", "another password").startsWith("changed the password of bob"));
        String table = commands.users();
        assertTrue(table.contains("bob") && table.contains("bob.members.example.") && table.contains("CREATED"), table);
        assertEquals("removed user bob and its zone", commands.userdel("bob"));
        assertEquals("userdel: there is no user bob", commands.userdel("bob"));
        assertEquals("no users under members.example.; add one with homeward:useradd <name>", commands.users());
    }
}
