package io.homeward.rendezvous.accounts.internal;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;

/**
 * Gogo shell commands for accounts: {@code homeward:useradd}, {@code passwd}, {@code userdel},
 * {@code users}. Without a password argument the password is read from the terminal without echo,
 * twice; with one (for scripts) it is taken as given. Each command returns what happened.
 */
@Component(service = AccountCommand.class, property = {
    "osgi.command.scope=homeward",
    "osgi.command.function=useradd",
    "osgi.command.function=passwd",
    "osgi.command.function=userdel",
    "osgi.command.function=users",
})
public class AccountCommand {
    private final AccountService accounts;
    private final PasswordPrompt prompt;

    @Activate
    public AccountCommand(@Reference AccountService accounts) {
        this(accounts, new ConsolePasswordPrompt());
    }

    AccountCommand(AccountService accounts, PasswordPrompt prompt) {
        this.accounts = accounts;
        this.prompt = prompt;
    }

    public String useradd(String user) {
        return withTypedPassword("useradd", user, password -> add(user, password));
    }

    public String useradd(String user, String password) {
        return withGivenPassword(password, secret -> add(user, secret));
    }

    public String passwd(String user) {
        return withTypedPassword("passwd", user, password -> change(user, password));
    }

    public String passwd(String user, String password) {
        return withGivenPassword(password, secret -> change(user, secret));
    }

    public String userdel(String user) {
        try {
            return accounts.removeUser(user) ? "removed user " + user + " and its zone" : "userdel: there is no user " + user;
        } catch (AccountException e) {
            return "userdel: " + e.getMessage();
        }
    }

    public String users() {
        List<Account> all = accounts.users();
        if (all.isEmpty()) {
            return "no users under " + accounts.domain() + "; add one with homeward:useradd <name>";
        }
        StringBuilder table = new StringBuilder(String.format("%-20s %-40s %-20s %-20s%n", "USER", "ZONE", "CREATED", "CHANGED"));
        DateTimeFormatter when = DateTimeFormatter.ISO_INSTANT;
        for (Account a : all) {
            table.append(String.format("%-20s %-40s %-20s %-20s%n", a.user(), a.zone(), when.format(a.created()),
                    when.format(a.changed())));
        }
        return table.toString();
    }

    private String add(String user, char[] password) {
        try {
            Account account = accounts.addUser(user, password);
            return "added user " + account.user() + " with zone " + account.zone();
        } catch (AccountException e) {
            return "useradd: " + e.getMessage();
        }
    }

    private String change(String user, char[] password) {
        try {
            Account account = accounts.setPassword(user, password);
            return "changed the password of " + account.user() + "; its hosts must sign in again with the new password";
        } catch (AccountException e) {
            return "passwd: " + e.getMessage();
        }
    }

    private static String withGivenPassword(String password, Function<char[], String> action) {
        char[] secret = password.toCharArray();
        try {
            return action.apply(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Asks twice so a typo does not lock the user out. */
    private String withTypedPassword(String command, String user, Function<char[], String> action) {
        Optional<char[]> first = prompt.ask("Password for " + user + ": ");
        if (first.isEmpty()) {
            return command + ": there is no terminal to read a password from without echo; give it as the second"
                    + " argument: homeward:" + command + " " + user + " <password>";
        }
        Optional<char[]> second = prompt.ask("Again: ");
        try {
            if (second.isEmpty() || !Arrays.equals(first.get(), second.get())) {
                return command + ": the two passwords differ; nothing was changed";
            }
            return action.apply(first.get());
        } finally {
            Arrays.fill(first.get(), '\0');
            second.ifPresent(p -> Arrays.fill(p, '\0'));
        }
    }
}
