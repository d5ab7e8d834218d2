package io.homeward.embedded.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountListener;
import io.homeward.testkit.UsersOnlyAccounts;

/**
 * Accounts in memory; remembers passwords so tests can compare them with the password file, and tells the listener
 * of a password change on the changing thread, as the accounts bundle does.
 */
final class FakeAccounts extends UsersOnlyAccounts {
    final Map<String, String> passwords = new LinkedHashMap<>();
    int changes;
    AccountListener listener = new AccountListener() {
        @Override
        public void accountAdded(Account account) {
        }

        @Override
        public void accountRemoved(Account account) {
        }
    };

    @Override
    public String domain() {
        return "members.test.";
    }

    @Override
    public Account addUser(String user, char[] password) throws AccountException {
        if (passwords.containsKey(user)) {
            throw new AccountException("user " + user + " already exists");
        }
        passwords.put(user, new String(password));
        changes++;
        return account(user);
    }

    @Override
    public Account setPassword(String user, char[] password) throws AccountException {
        if (!passwords.containsKey(user)) {
            throw new AccountException("there is no user " + user);
        }
        passwords.put(user, new String(password));
        changes++;
        listener.passwordChanged(account(user));
        return account(user);
    }

    @Override
    public boolean removeUser(String user) {
        return passwords.remove(user) != null;
    }

    @Override
    public List<Account> users() {
        return passwords.keySet().stream().map(FakeAccounts::account).toList();
    }

    private static Account account(String user) {
        return new Account(user, user + ".members.test.", Instant.EPOCH, Instant.EPOCH);
    }
}
