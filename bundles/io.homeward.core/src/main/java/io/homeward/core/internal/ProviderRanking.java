package io.homeward.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import io.homeward.api.runtime.ProviderInfo;
import io.homeward.api.runtime.ProviderProperties;

/**
 * Orders the providers of one contract the way the framework picks a service: highest
 * {@code service.ranking}, then lowest service id. The first is the one in use.
 */
final class ProviderRanking {
    private ProviderRanking() {
    }

    static List<ProviderInfo> rank(List<ServiceReference<?>> references) {
        List<ServiceReference<?>> sorted = new ArrayList<>(references);
        sorted.sort(Comparator.comparingInt(ProviderRanking::ranking).reversed()
                .thenComparingLong(ProviderRanking::serviceId));
        List<ProviderInfo> providers = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            providers.add(describe(sorted.get(i), i == 0));
        }
        return providers;
    }

    private static ProviderInfo describe(ServiceReference<?> ref, boolean active) {
        Object name = ref.getProperty(ProviderProperties.NAME);
        if (name == null) {
            name = ref.getProperty("component.name");
        }
        return new ProviderInfo(String.valueOf(name), ref.getBundle() == null ? "(gone)" : ref.getBundle().getSymbolicName(),
                serviceId(ref), ranking(ref), active);
    }

    /** A non-Integer ranking counts as 0 (OSGi Core R8 §5.2.5). */
    private static int ranking(ServiceReference<?> ref) {
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        return ranking instanceof Integer ? (Integer) ranking : 0;
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }
}
