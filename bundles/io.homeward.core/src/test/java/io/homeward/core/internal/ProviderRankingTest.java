package io.homeward.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import io.homeward.api.runtime.ProviderInfo;

class ProviderRankingTest {

    @Test
    void highestRankingIsActiveThenLowestServiceId() {
        List<ProviderInfo> ranked = ProviderRanking.rank(List.of(
                ref(Map.of("service.id", 7L, "homeward.provider.name", "chacha20-poly1305", "service.ranking", 100)),
                ref(Map.of("service.id", 9L, "homeward.provider.name", "aes-gcm-16", "service.ranking", 200)),
                ref(Map.of("service.id", 3L, "component.name", "late", "service.ranking", 100))));
        assertEquals(List.of("aes-gcm-16", "late", "chacha20-poly1305"), ranked.stream().map(ProviderInfo::name).toList());
        assertTrue(ranked.get(0).active());
        assertFalse(ranked.get(1).active());
        assertFalse(ranked.get(2).active());
    }

    @Test
    void missingOrMistypedRankingCountsAsZero() {
        List<ProviderInfo> ranked = ProviderRanking.rank(List.of(
                ref(Map.of("service.id", 1L, "component.name", "typo", "service.ranking", "500")),
                ref(Map.of("service.id", 2L, "component.name", "ranked", "service.ranking", 1))));
        assertEquals("ranked", ranked.get(0).name());
        assertEquals(0, ranked.get(1).ranking());
    }

    @Test
    void noProvidersNoneActive() {
        assertTrue(ProviderRanking.rank(List.of()).isEmpty());
    }

    /** A reference that only answers properties; the bundle is gone. */
    private static ServiceReference<?> ref(Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new AssertionError("unexpected call " + method.getName());
                });
    }
}
