package io.homeward.launcher;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;

import io.homeward.launcher.ConfigurationStore.Stored;

/**
 * The web console's own configuration (Felix Web Console 5, PID {@value #PID}), written by the launcher before the
 * console starts so that it always exists with the password of DATA/console-password, hashed
 * ({@link ConsolePasswordHash}). The console falls back to its built-in admin/admin only when its configuration is
 * saved without a password; with one stored, its Configuration dialog keeps the stored hash (it shows "unmodified"),
 * and the console guard refuses a save that empties it. The start page and the login realm are set when missing, so
 * an operator's choice in the dialog is kept; a password changed there is replaced at the next start, since the file
 * is the one place the login is kept.
 */
final class ConsoleSettings {
    static final String PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    static final String USER = "admin";
    /** The label of the Homeward overview page (bundle io.homeward.console). */
    static final String START_PAGE = "homeward-overview";
    static final String REALM = "Homeward console";

    private final ConfigurationStore store;
    private final Random random;
    private final Logger log;

    ConsoleSettings(ConfigurationStore store, Random random, Logger log) {
        this.store = store;
        this.random = random;
        this.log = log;
    }

    /** Makes the stored configuration hold the login of {@code password}; writes only when something is missing or differs. */
    void apply(String password) throws StartupException {
        Optional<Stored> stored = store.read(PID);
        Map<String, Object> properties = new HashMap<>(stored.map(Stored::properties).orElse(Map.of()));
        boolean change = properties.putIfAbsent("default.render", START_PAGE) == null;
        change |= properties.putIfAbsent("realm", REALM) == null;
        change |= !USER.equals(properties.put("username", USER));
        Object hash = properties.get("password");
        if (!ConsolePasswordHash.matches(hash == null ? null : hash.toString(), password)) {
            if (stored.isPresent() && hash != null) {
                log.warn("The web console's password was not the one in DATA/console-password (changed in the console?);"
                        + " it is that one again: to change it, write the new one into the file and restart");
            }
            properties.put("password", ConsolePasswordHash.of(password, random));
            change = true;
        }
        if (change) {
            store.write(PID, properties);
            log.debug("Web console configuration {} written: {}", PID, properties.keySet());
        }
    }
}
