package io.homeward.api.accounts;

import java.util.Optional;

/**
 * What a TSIG key may change.
 *
 * @param user the user the key belongs to
 * @param zone the user's zone, absolute; a key never changes another zone
 * @param host empty for the user's master key (any name in the zone); the host label for a host key, which may
 *             change only that host's own names (docs/enrollment.md, "Per-host keys")
 * @since 2.1
 */
public record KeyScope(String user, String zone, Optional<String> host) {

    public boolean isMasterKey() {
        return host.isEmpty();
    }
}
