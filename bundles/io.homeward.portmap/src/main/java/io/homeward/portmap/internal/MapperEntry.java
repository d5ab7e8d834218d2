package io.homeward.portmap.internal;

import java.util.Comparator;
import java.util.Map;

import io.homeward.api.portmap.PortMapper;
import io.homeward.api.runtime.ProviderProperties;

/** An installed port mapper with the service properties that order it. */
record MapperEntry(PortMapper mapper, String name, int ranking, long serviceId) {

    /** Highest {@code service.ranking} first; on a tie, the one registered first (lowest service id). */
    static final Comparator<MapperEntry> BEST_FIRST = Comparator.comparingInt(MapperEntry::ranking).reversed()
            .thenComparingLong(MapperEntry::serviceId);

    static MapperEntry of(PortMapper mapper, Map<String, Object> properties) {
        Object name = properties.get(ProviderProperties.NAME);
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        return new MapperEntry(mapper, name instanceof String s && !s.isBlank() ? s : mapper.protocol().text(),
                ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : 0L);
    }
}
