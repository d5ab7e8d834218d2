package io.homeward.config.internal;

import java.lang.reflect.Array;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.metatype.AttributeDefinition;

import io.homeward.api.config.RefusedValue;
import io.homeward.kit.config.MetatypeCheck;

/**
 * The values each configuration's metatype refused and the last good value of each property: a refused value is
 * replaced in the properties a component is given by the last good one seen since start, or removed so the component
 * takes its default; a good value for the property ends the refusal.
 */
final class RefusedValues {
    private final Clock clock;
    private final Map<String, Map<String, Object>> lastGood = new HashMap<>();
    private final Map<String, Map<String, RefusedValue>> refused = new TreeMap<>();

    RefusedValues(Clock clock) {
        this.clock = clock;
    }

    /**
     * Checks the properties of {@code pid} against its attributes and replaces or removes, in place, what they
     * refuse. Returns the refusals that are new (a value refused already is not reported again).
     */
    synchronized List<RefusedValue> check(String pid, List<AttributeDefinition> attributes,
            Dictionary<String, Object> properties) {
        List<RefusedValue> fresh = new ArrayList<>();
        Map<String, Object> good = lastGood.computeIfAbsent(pid, p -> new HashMap<>());
        Map<String, RefusedValue> refusals = refused.computeIfAbsent(pid, p -> new TreeMap<>());
        for (AttributeDefinition attribute : attributes) {
            String key = attribute.getID();
            Object value = properties.get(key);
            if (value == null) {
                refusals.remove(key);
                continue;
            }
            Optional<String> problem = MetatypeCheck.problem(attribute, value);
            if (problem.isEmpty()) {
                good.put(key, value);
                refusals.remove(key);
                continue;
            }
            Object kept = good.get(key);
            if (kept == null) {
                properties.remove(key);
            } else {
                properties.put(key, kept);
            }
            String text = text(value);
            RefusedValue before = refusals.get(key);
            if (before == null || !before.value().equals(text)) {
                RefusedValue refusal = new RefusedValue(pid, key, text, problem.get(),
                        Optional.ofNullable(kept).map(RefusedValues::text), clock.instant());
                refusals.put(key, refusal);
                fresh.add(refusal);
            }
        }
        if (refusals.isEmpty()) {
            refused.remove(pid);
        }
        return fresh;
    }

    /** The configuration was deleted: its component returns to its defaults, nothing of it is refused. */
    synchronized void forget(String pid) {
        lastGood.remove(pid);
        refused.remove(pid);
    }

    /** The refusals in force, by PID and property. */
    synchronized List<RefusedValue> refused() {
        return refused.values().stream().flatMap(byKey -> byKey.values().stream()).toList();
    }

    /** A property value as text: a list's elements comma-separated. */
    static String text(Object value) {
        if (value instanceof Collection<?> collection) {
            return String.join(", ", collection.stream().map(String::valueOf).toList());
        }
        if (value.getClass().isArray()) {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(", ", elements);
        }
        return Objects.toString(value);
    }
}
