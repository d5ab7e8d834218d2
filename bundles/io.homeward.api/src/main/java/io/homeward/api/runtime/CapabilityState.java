package io.homeward.api.runtime;

import java.util.List;
import java.util.Optional;

/**
 * A capability contract and its providers, best first.
 *
 * @param contract  the contract's interface name
 * @param label     a short name for people, for example {@code port mapping}
 * @param providers installed providers, the active one first
 */
public record CapabilityState(String contract, String label, List<ProviderInfo> providers) {

    public CapabilityState {
        providers = List.copyOf(providers);
    }

    public Optional<ProviderInfo> active() {
        return providers.stream().filter(ProviderInfo::active).findFirst();
    }
}
