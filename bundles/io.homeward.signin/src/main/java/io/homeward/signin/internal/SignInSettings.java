package io.homeward.signin.internal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the sign-in takes from its configuration and the host.
 *
 * @param dnsServer the plain DNS server asked for SRV records when nothing stored says otherwise
 * @param estServer the EST service, when configured instead of found with SRV {@code _est._tcp.<zone>}
 * @param hostName  this host's label (the identity's host name), for an invite that names none and for sign-in
 */
record SignInSettings(HostPort dnsServer, Optional<HostPort> estServer, Supplier<String> hostName) {
}
