package io.homeward.netwatch.internal;

import java.util.List;

import io.homeward.api.netwatch.NetworkChange;

/**
 * What {@code homeward:network} and the console page show.
 *
 * @param snapshot    the network as last confirmed
 * @param lastChanges the notifications of the latest burst (each carries its time), empty before the first
 * @param source      how changes are noticed right now, for example the monitor command or "polling every 1000 ms"
 */
record NetworkStatus(NetworkSnapshot snapshot, List<NetworkChange> lastChanges, String source) {
    NetworkStatus {
        lastChanges = List.copyOf(lastChanges);
    }
}
