package io.homeward.netwatch.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

/** The changes that turn one snapshot into the next, one per interface state, address or route set. */
final class SnapshotDiff {
    private SnapshotDiff() {
    }

    static List<NetworkChange> between(NetworkSnapshot before, NetworkSnapshot after, Instant seen) {
        List<NetworkChange> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.interfaces().keySet());
        names.addAll(after.interfaces().keySet());
        for (String name : names) {
            InterfaceState was = before.interfaces().get(name);
            InterfaceState is = after.interfaces().get(name);
            boolean wasUp = was != null && was.up();
            boolean isUp = is != null && is.up();
            if (wasUp != isUp) {
                changes.add(new NetworkChange(isUp ? Kind.LINK_UP : Kind.LINK_DOWN, Optional.of(name),
                        name + (isUp ? " is up" : is == null ? " is gone" : " is down"), seen));
            }
            SortedSet<String> old = was == null ? new TreeSet<>() : was.addresses();
            SortedSet<String> now = is == null ? new TreeSet<>() : is.addresses();
            for (String a : now) {
                if (!old.contains(a)) {
                    changes.add(new NetworkChange(Kind.ADDRESS_ADDED, Optional.of(name), a + " added on " + name, seen));
                }
            }
            for (String a : old) {
                if (!now.contains(a)) {
                    changes.add(new NetworkChange(Kind.ADDRESS_REMOVED, Optional.of(name),
                            a + " removed from " + name, seen));
                }
            }
        }
        if (!before.defaultRoutes().equals(after.defaultRoutes())) {
            changes.add(new NetworkChange(Kind.DEFAULT_ROUTE_CHANGED, routeInterface(after), "default route "
                    + describe(after.defaultRoutes()) + " (was " + describe(before.defaultRoutes()) + ")", seen));
        }
        return changes;
    }

    private static String describe(List<String> routes) {
        return routes.isEmpty() ? "none" : String.join(", ", routes);
    }

    private static Optional<String> routeInterface(NetworkSnapshot s) {
        return s.defaultRoutes().stream().findFirst().map(r -> r.substring(r.lastIndexOf(" dev ") + 5));
    }
}
