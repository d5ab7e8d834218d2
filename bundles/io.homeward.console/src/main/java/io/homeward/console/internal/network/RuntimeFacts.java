package io.homeward.console.internal.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.RuntimeStatus;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.api.watch.SubscriptionStatus;

/**
 * What the runtime section shows, read once per request so HTML and JSON agree.
 *
 * @param feature      the runtime's feature, empty when the runtime status is unavailable
 * @param identity     the host identity, empty when no provider is installed
 * @param capabilities every capability contract with its providers
 * @param watches      the record watcher's subscriptions, empty when no watcher runs (a rendezvous-only runtime)
 * @param missing      what could not be shown and what to do about it
 */
record RuntimeFacts(Optional<String> feature, Optional<IdentityFacts> identity, List<CapabilityState> capabilities,
        Optional<List<SubscriptionState>> watches, List<String> missing) {
    static final String NO_RUNTIME = "The runtime status service is not available: install and start bundle"
            + " io.homeward.core.";
    static final String NO_IDENTITY = "No host identity is available: install and start bundle io.homeward.identity.";
    static final String NO_WATCHER = "No watcher running: peers' records are watched by bundle io.homeward.watcher"
            + " (feature agent or all-in-one).";

    RuntimeFacts {
        capabilities = List.copyOf(capabilities);
        watches = watches.map(List::copyOf);
        missing = List.copyOf(missing);
    }

    /** Reads the services; any may be null when it is not installed. */
    static RuntimeFacts read(RuntimeStatus status, HostIdentity identity, SubscriptionStatus watcher) {
        List<String> missing = new ArrayList<>();
        if (status == null) {
            missing.add(NO_RUNTIME);
        }
        if (identity == null) {
            missing.add(NO_IDENTITY);
        }
        return new RuntimeFacts(Optional.ofNullable(status).map(RuntimeStatus::feature),
                Optional.ofNullable(identity).map(IdentityFacts::of),
                status == null ? List.of() : status.capabilities(),
                Optional.ofNullable(watcher).map(SubscriptionStatus::subscriptions), missing);
    }

    /** The identity as text, taken in one go. */
    record IdentityFacts(String hostName, String eui64, String eui64Source, String ula, String autoTunnelLabel) {
        static IdentityFacts of(HostIdentity identity) {
            return new IdentityFacts(identity.hostName(), identity.eui64().toString(), identity.eui64Source(),
                    identity.ulaText(), identity.autoTunnelLabel());
        }
    }
}
