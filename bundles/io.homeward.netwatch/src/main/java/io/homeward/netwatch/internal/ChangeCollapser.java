package io.homeward.netwatch.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

/**
 * Folds the changes of one burst into at most one notification per kind, in the order of {@link Kind}
 * (link, addresses, route): an address change that also moves the default route gives two
 * notifications, not one per line the kernel printed.
 */
final class ChangeCollapser {
    private ChangeCollapser() {
    }

    static List<NetworkChange> collapse(List<NetworkChange> changes, Instant seen) {
        Map<Kind, List<NetworkChange>> byKind = new EnumMap<>(Kind.class);
        for (NetworkChange c : changes) {
            byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
        }
        List<NetworkChange> out = new ArrayList<>(byKind.size());
        byKind.forEach((kind, group) -> {
            List<String> names = group.stream().map(NetworkChange::interfaceName).flatMap(Optional::stream)
                    .distinct().toList();
            Optional<String> name = names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
            String detail = group.stream().map(NetworkChange::detail).collect(Collectors.joining("; "));
            out.add(new NetworkChange(kind, name, detail, seen));
        });
        return out;
    }
}
