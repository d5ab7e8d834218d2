package io.homeward.resolver.internal;

import java.time.Clock;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

import io.homeward.api.auth.Credentials;
import io.homeward.kit.dns.TsigSigner;

/**
 * What sign-in gives the name server: the user's zone and the host's key, which signs what is forwarded.
 *
 * @param zone   the user's zone, absolute
 * @param signer the host's TSIG key (RFC 8945), the one the watcher's queries are signed with too
 */
record SignedIn(Name zone, TsigSigner signer) {

    /** @throws IllegalArgumentException when the zone is not a name below the root or the key is unusable */
    static SignedIn of(Credentials credentials, Clock clock) {
        Name zone;
        try {
            zone = Name.fromString(credentials.zone(), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("the zone '" + credentials.zone() + "' is not a valid name: "
                    + e.getMessage(), e);
        }
        if (zone.labels() < 2) {
            throw new IllegalArgumentException("the zone '" + credentials.zone() + "' is the root");
        }
        return new SignedIn(zone, new TsigSigner(credentials.tsigKey(), clock));
    }
}
