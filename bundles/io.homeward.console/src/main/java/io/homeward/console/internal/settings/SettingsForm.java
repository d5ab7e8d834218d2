package io.homeward.console.internal.settings;

import java.io.Serializable;
import java.util.Optional;

import io.homeward.api.signin.SignedIn;

/**
 * What the Settings page's forms show: what was last submitted (never the password), so a failed attempt can be
 * corrected rather than typed again; else the signed-in account's zone and user.
 *
 * @param code the invite code of the join form
 * @param name the new host name of the rename form
 */
record SettingsForm(String zone, String user, String server, String pin, String code, String name)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static SettingsForm of(Optional<SignedIn> signedIn) {
        return new SettingsForm(signedIn.map(SignedIn::zone).orElse(""), signedIn.map(SignedIn::user).orElse(""), "",
                "", "", "");
    }

    static SettingsForm submitted(String zone, String user, String server, String pin, String code, String name) {
        return new SettingsForm(orEmpty(zone), orEmpty(user), orEmpty(server), orEmpty(pin), orEmpty(code),
                orEmpty(name));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
