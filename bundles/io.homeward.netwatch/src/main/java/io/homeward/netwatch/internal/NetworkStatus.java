package io.homeward.netwatch.internal;

import java.util.List;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkWatchReport;

/**
 * What {@code homeward:network} prints; the console reads it as {@link #report()}.
 *
 * @param snapshot    the network as last confirmed
 * @param lastChanges the notifications of the latest burst (each carries its time), empty before the first
 * @param source      how changes are noticed right now, for example the monitor command or "polling every 1000 ms"
 */
record NetworkStatus(NetworkSnapshot snapshot, List<NetworkChange> lastChanges, String source) {
    NetworkStatus {
        lastChanges = List.copyOf(lastChanges);
    }

    /** The status as the API's typed report, for the console. */
    NetworkWatchReport report() {
        return new NetworkWatchReport(source, snapshot.interfaces().values().stream()
                .map(i -> new NetworkWatchReport.InterfaceReport(i.name(), i.up(), List.copyOf(i.addresses()))).toList(),
                snapshot.defaultRoutes(), lastChanges);
    }
}
