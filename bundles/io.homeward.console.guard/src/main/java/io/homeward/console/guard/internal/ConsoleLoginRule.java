package io.homeward.console.guard.internal;

import java.util.Dictionary;
import java.util.Optional;

/**
 * The web console's own settings (its configuration PID) cannot be saved without a password: the console then drops
 * the login the launcher generated (DATA/console-password, a framework property) for its built-in admin/admin.
 */
final class ConsoleLoginRule {
    static final String CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    private static final String BUILT_IN_PASSWORD = "admin";

    private ConsoleLoginRule() {
    }

    /** Why the configuration may not be stored, or empty. */
    static Optional<String> problem(String pid, Dictionary<String, Object> properties) {
        if (!CONSOLE_PID.equals(pid)) {
            return Optional.empty();
        }
        Object password = properties.get("password");
        if (password == null || password.toString().isBlank() || BUILT_IN_PASSWORD.equals(password.toString())) {
            return Optional.of("Password (password): without a password of its own the console would replace its "
                    + "login with admin/admin; type a new one to save these settings");
        }
        return Optional.empty();
    }
}
