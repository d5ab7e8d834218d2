package io.homeward.launcher;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Configuration Admin's bookkeeping: every write raises the change count. */
final class FakeConfigurationStore implements ConfigurationStore {
    private final Map<String, Stored> stored = new HashMap<>();
    private long changeCount;

    @Override
    public Optional<Stored> read(String pid) {
        return Optional.ofNullable(stored.get(pid));
    }

    @Override
    public long write(String pid, Map<String, Object> properties) {
        stored.put(pid, new Stored(Map.copyOf(properties), ++changeCount));
        return changeCount;
    }

    Map<String, Object> properties(String pid) {
        return stored.get(pid).properties();
    }

    long changeCount() {
        return changeCount;
    }
}
