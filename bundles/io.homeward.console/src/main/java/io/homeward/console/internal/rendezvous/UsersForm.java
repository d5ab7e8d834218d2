package io.homeward.console.internal.rendezvous;

import java.util.Arrays;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;
import io.homeward.console.internal.PageOutcome;

/**
 * Carries out one posted form of the Rendezvous page's Users section through the account service: add a user, set a
 * password or remove a user (the page asks before a removal). The password is wiped once the service has it.
 */
final class UsersForm {
    static final String ADD = "add";
    static final String PASSWD = "passwd";
    static final String REMOVE = "remove";

    private UsersForm() {
    }

    /** @param accounts the account service, null when it does not run here */
    static PageOutcome apply(AccountService accounts, String action, String user, String password, Logger log) {
        if (accounts == null) {
            return PageOutcome.refused("No user can be changed: " + RendezvousSource.USERS.notRunning());
        }
        if (user == null || user.isBlank()) {
            return PageOutcome.refused("enter a user name");
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            return switch (action == null ? "" : action) {
                case ADD -> {
                    Account added = accounts.addUser(user, secret);
                    yield PageOutcome.done("Added user " + added.user() + " (zone " + added.zone() + ").");
                }
                case PASSWD -> {
                    Account changed = accounts.setPassword(user, secret);
                    yield PageOutcome.done("Changed the password of " + changed.user()
                            + "; its hosts must sign in again with the new password.");
                }
                case REMOVE -> accounts.removeUser(user) ? PageOutcome.done("Removed user " + user + " and its zone.")
                        : PageOutcome.refused("There is no user " + user + ".");
                default -> PageOutcome.refused("Unknown action '" + action + "'; use the buttons on this page.");
            };
        } catch (AccountException e) {
            return PageOutcome.refused(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("The account service failed on a form of the console's Users section", e);
            return PageOutcome.refused("The account service failed (" + e + "); the log has the details.");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
