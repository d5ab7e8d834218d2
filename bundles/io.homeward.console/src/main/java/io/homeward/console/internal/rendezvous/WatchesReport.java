package io.homeward.console.internal.rendezvous;

import java.time.Instant;
import java.util.List;

import org.xbill.DNS.Type;

import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.console.internal.TimeText;

/** The text of {@code homeward:llq}: the long-lived queries and push subscriptions the server holds. */
final class WatchesReport {
    static final String NO_WATCHES = "no long-lived queries or push subscriptions";

    private WatchesReport() {
    }

    static String of(WatchStatus status, Instant now) {
        List<WatchState> watches = status.watches();
        if (watches.isEmpty()) {
            return NO_WATCHES;
        }
        TextTable table = new TextTable("MECHANISM", "CLIENT", "ZONE", "NAME", "TYPE", "LEASE EXPIRES", "LAST EVENT",
                "UNACKED");
        watches.forEach(w -> table.row(w.mechanism().text(), w.client(), w.zone(), w.name(), Type.string(w.type()),
                TimeText.lease(now, w.leaseExpires(), TimeText.SESSION_LEASE), TimeText.lastEvent(now, w.lastEvent()),
                w.unacked()));
        return table.render();
    }
}
