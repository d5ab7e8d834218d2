package io.homeward.rendezvous.dns.internal.tsig;

import java.util.Optional;

import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;

import io.homeward.api.accounts.KeyScope;

/**
 * What a verified TSIG key may change (docs/enrollment.md, "Per-host keys"): names in its zone only, and for a host
 * key only what that host publishes.
 *
 * @param zone the key's zone, absolute, lower case
 * @param host the host's name ({@code laptop.alice.members.example.}), lower case; empty for the user's master key
 */
public record KeyRights(Name zone, Optional<Name> host) {

    /** The rights of an account's key scope; empty when its names are not DNS names. */
    public static Optional<KeyRights> of(KeyScope scope) {
        try {
            Name zone = Name.fromString(scope.zone(), Name.root).canonicalize();
            Optional<Name> host = Optional.empty();
            if (scope.host().isPresent()) {
                host = Optional.of(Name.concatenate(Name.fromString(scope.host().get()), zone).canonicalize());
            }
            return Optional.of(new KeyRights(zone, host));
        } catch (TextParseException | NameTooLongException e) {
            return Optional.empty();
        }
    }

    public boolean isMasterKey() {
        return host.isEmpty();
    }
}
