package io.homeward.console.internal.settings;

import java.io.Serializable;

/**
 * What a form of the Settings page did, shown once on the next page view (the POST redirects to the page).
 *
 * @param ok      false for a refused or failed action
 * @param message what happened, in one line
 * @param form    what the forms show next
 */
record SettingsOutcome(boolean ok, String message, SettingsForm form) implements Serializable {
    private static final long serialVersionUID = 1L;
}
