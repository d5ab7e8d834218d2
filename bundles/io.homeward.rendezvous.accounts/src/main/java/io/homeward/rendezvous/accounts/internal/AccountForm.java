package io.homeward.rendezvous.accounts.internal;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;

/** Carries out one posted console form: add a user, set a password or remove a user. */
final class AccountForm {
    static final String ADD = "add";
    static final String PASSWD = "passwd";
    static final String REMOVE = "remove";

    private AccountForm() {
    }

    static FormOutcome apply(AccountService accounts, String action, String user, String password) {
        if (user == null || user.isBlank()) {
            return new FormOutcome(false, "enter a user name");
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            switch (action == null ? "" : action) {
                case ADD: {
                    Account added = accounts.addUser(user, secret);
                    return new FormOutcome(true, "Added user " + added.user() + " (zone " + added.zone() + ").");
                }
                case PASSWD: {
                    Account changed = accounts.setPassword(user, secret);
                    return new FormOutcome(true, "Changed the password of " + changed.user()
                            + "; its hosts must sign in again with the new password.");
                }
                case REMOVE:
                    return accounts.removeUser(user) ? new FormOutcome(true, "Removed user " + user + " and its zone.")
                            : new FormOutcome(false, "There is no user " + user + ".");
                default:
                    return new FormOutcome(false, "Unknown action '" + action + "'; use the buttons on this page.");
            }
        } catch (AccountException e) {
            return new FormOutcome(false, e.getMessage());
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }
}
