package io.homeward.registrar.internal;

import java.util.Locale;
import java.util.Optional;

import io.homeward.api.auth.Credentials;

/**
 * Which host's names a signing key may change (docs/enrollment.md, "Per-host keys"): a host key is named after its
 * host ({@code laptop.alice.members.example.}) and changes that host's names only; the zone's master key (named after
 * the zone) changes any name of it.
 */
final class KeyHost {
    private KeyHost() {
    }

    /** The host label of a host key of the credentials' zone; empty for the master key (or a name it cannot read). */
    static Optional<String> of(Credentials credentials) {
        String key = absolute(credentials.tsigKey().name());
        String zone = absolute(credentials.zone());
        if (key.equals(zone) || !key.endsWith("." + zone)) {
            return Optional.empty();
        }
        String host = key.substring(0, key.length() - zone.length() - 1);
        return host.contains(".") ? Optional.empty() : Optional.of(host);
    }

    /** Whether these credentials may change (and so delete) the names of {@code host}. */
    static boolean mayWrite(Credentials credentials, String host) {
        return of(credentials).map(own -> own.equalsIgnoreCase(host)).orElse(true);
    }

    private static String absolute(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }
}
