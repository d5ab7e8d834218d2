package io.homeward.watcher.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.Type;

import io.homeward.api.watch.SubscriptionState;

/** Renders the subscriptions as a text table for {@code homeward:watches}. */
final class WatchReport {

    private WatchReport() {
    }

    static String of(List<SubscriptionState> watches) {
        if (watches.isEmpty()) {
            return "No records are watched.";
        }
        StringBuilder text = new StringBuilder(String.format("%-50s %-6s %-9s %-24s %s%n", "NAME", "TYPE",
                "MECHANISM", "LEASE EXPIRES", "LAST EVENT"));
        for (SubscriptionState watch : watches) {
            text.append(String.format("%-50s %-6s %-9s %-24s %s%n", watch.name(), Type.string(watch.type()), watch.mechanism(),
                    time(watch.leaseExpiry()), time(watch.lastEvent())));
        }
        return text.toString();
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("-");
    }
}
