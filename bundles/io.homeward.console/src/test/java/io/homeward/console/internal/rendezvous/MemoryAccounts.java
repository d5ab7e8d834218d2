package io.homeward.console.internal.rendezvous;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.testkit.UsersOnlyAccounts;

/**
 * Users kept in memory with the refusals the console shows (an existing user, a short password), and the passwords
 * as the service was given them, to tell whether a form wiped its copy.
 */
class MemoryAccounts extends UsersOnlyAccounts {
    static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");

    private final List<Account> users = new ArrayList<>();
    final List<char[]> passwordsGiven = new ArrayList<>();

    @Override
    public String domain() {
        return "members.example.";
    }

    @Override
    public Account addUser(String user, char[] password) throws AccountException {
        passwordsGiven.add(password);
        if (find(user).isPresent()) {
            throw new AccountException("user " + user + " exists");
        }
        check(password);
        Account added = new Account(user, user + "." + domain(), CREATED, CREATED);
        users.add(added);
        return added;
    }

    @Override
    public Account setPassword(String user, char[] password) throws AccountException {
        passwordsGiven.add(password);
        Account old = find(user).orElseThrow(() -> new AccountException("there is no user " + user));
        check(password);
        Account changed = new Account(user, old.zone(), old.created(), CREATED.plusSeconds(60));
        users.set(users.indexOf(old), changed);
        return changed;
    }

    @Override
    public boolean removeUser(String user) {
        return users.removeIf(a -> a.user().equals(user));
    }

    @Override
    public List<Account> users() {
        return List.copyOf(users);
    }

    private Optional<Account> find(String user) {
        return users.stream().filter(a -> a.user().equals(user)).findFirst();
    }

    private static void check(char[] password) throws AccountException {
        if (password.length < 8) {
            throw new AccountException("a password needs at least 8 characters");
        }
    }
}
