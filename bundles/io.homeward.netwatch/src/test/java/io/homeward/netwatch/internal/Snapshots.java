package io.homeward.netwatch.internal;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds snapshots for tests: {@code of(List.of("via 10.0.0.1 dev eth0"), up("eth0", "10.0.0.2/24"))}. */
final class Snapshots {
    private Snapshots() {
    }

    static InterfaceState up(String name, String... addresses) {
        return new InterfaceState(name, true, new TreeSet<>(Arrays.asList(addresses)));
    }

    static InterfaceState down(String name, String... addresses) {
        return new InterfaceState(name, false, new TreeSet<>(Arrays.asList(addresses)));
    }

    static NetworkSnapshot of(List<String> defaultRoutes, InterfaceState... interfaces) {
        TreeMap<String, InterfaceState> byName = new TreeMap<>();
        for (InterfaceState i : interfaces) {
            byName.put(i.name(), i);
        }
        return new NetworkSnapshot(byName, defaultRoutes);
    }
}
