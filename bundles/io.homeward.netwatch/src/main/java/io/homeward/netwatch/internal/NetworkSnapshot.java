package io.homeward.netwatch.internal;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The host's network at one moment: every interface with its addresses, and the default routes.
 *
 * @param interfaces    by name
 * @param defaultRoutes each as {@code via <gateway> dev <interface>} (IPv4 first, then IPv6)
 */
record NetworkSnapshot(SortedMap<String, InterfaceState> interfaces, List<String> defaultRoutes) {
    static final NetworkSnapshot EMPTY = new NetworkSnapshot(new TreeMap<>(), List.of());

    NetworkSnapshot {
        interfaces = new TreeMap<>(interfaces);
        defaultRoutes = List.copyOf(defaultRoutes);
    }
}
