package io.homeward.shell.internal;

import io.homeward.api.identity.HostIdentity;

/** The text of {@code homeward:identity}: who this host is on the overlay. */
final class IdentityReport {
    static final String NO_IDENTITY = "No host identity is available: install and start bundle io.homeward.identity"
            + " (or check its log lines for why it did not start).";

    private IdentityReport() {
    }

    static String of(HostIdentity identity) {
        if (identity == null) {
            return NO_IDENTITY;
        }
        String source = "random".equals(identity.eui64Source())
                ? "random, no interface had a usable MAC"
                : "from interface " + identity.eui64Source();
        return "Host name:   " + identity.hostName() + '\n'
                + "EUI-64:      " + identity.eui64() + " (" + source + ")\n"
                + "ULA:         " + identity.ulaText() + '\n'
                + "AutoTunnel:  " + identity.autoTunnelLabel() + '\n';
    }
}
