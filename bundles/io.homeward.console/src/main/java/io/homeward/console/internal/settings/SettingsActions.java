package io.homeward.console.internal.settings;

import java.util.Arrays;
import java.util.Optional;

import io.homeward.api.signin.AccountActionException;
import io.homeward.api.signin.AgentAccount;
import io.homeward.api.signin.SignedIn;

/** The Settings page's forms carried out through {@link AgentAccount}: rename, sign in, join, sign out. */
final class SettingsActions {
    static final String RENAME = "rename";
    static final String SIGN_IN = "signin";
    static final String JOIN = "join";
    static final String SIGN_OUT = "signout";

    private SettingsActions() {
    }

    /**
     * @param account  the sign-in; null when its bundle is not running
     * @param password the sign-in form's password, cleared here
     */
    static SettingsOutcome apply(AgentAccount account, String action, SettingsForm form, char[] password) {
        try {
            if (account == null) {
                return new SettingsOutcome(false, "The sign-in (bundle io.homeward.signin) is not running here.", form);
            }
            return switch (action == null ? "" : action) {
                case RENAME -> done(account, account.rename(form.name()));
                case SIGN_IN -> done(account, account.signIn(form.zone(), form.user(), password, form.server(),
                        form.pin()));
                case JOIN -> done(account, account.join(form.code()));
                case SIGN_OUT -> done(account, account.signOut());
                default -> new SettingsOutcome(false, "Unknown action '" + action + "'.", form);
            };
        } catch (AccountActionException e) {
            return new SettingsOutcome(false, e.getMessage(), form);
        } catch (RuntimeException e) {
            return new SettingsOutcome(false, "Failed: " + e.getMessage(), form);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static SettingsOutcome done(AgentAccount account, String message) {
        Optional<SignedIn> signedIn = account.state().signedIn();
        return new SettingsOutcome(true, message, SettingsForm.of(signedIn));
    }
}
