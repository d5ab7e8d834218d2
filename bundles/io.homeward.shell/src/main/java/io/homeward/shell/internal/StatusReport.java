package io.homeward.shell.internal;

import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.ProviderInfo;
import io.homeward.api.runtime.RuntimeStatus;

/** The text of {@code homeward:status}: the feature, then every capability with its providers. */
final class StatusReport {
    static final String NO_RUNTIME = "The Homeward runtime status service is not available: is bundle io.homeward.core"
            + " installed and active?";

    private StatusReport() {
    }

    static String of(RuntimeStatus status) {
        if (status == null) {
            return NO_RUNTIME;
        }
        StringBuilder s = new StringBuilder();
        s.append("Feature: ").append(status.feature()).append('\n');
        s.append("Providers per capability (* = in use):\n");
        for (CapabilityState capability : status.capabilities()) {
            s.append(capability.label()).append('\n');
            if (capability.providers().isEmpty()) {
                s.append("    none installed\n");
            }
            for (ProviderInfo provider : capability.providers()) {
                s.append(provider.active() ? "  * " : "    ").append(provider.name())
                        .append("  (bundle ").append(provider.bundle())
                        .append(", ranking ").append(provider.ranking()).append(")\n");
            }
        }
        return s.toString();
    }
}
