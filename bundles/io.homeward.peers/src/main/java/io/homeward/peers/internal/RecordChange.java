package io.homeward.peers.internal;

import io.homeward.api.watch.WatchedRecord;

/** Handles one add or remove of a watched record on the logic thread. */
interface RecordChange {
    /**
     * @param mechanism how the watcher learned it ({@code dns-push}, {@code llq-tls}, ...)
     */
    void changed(WatchedRecord record, boolean added, String mechanism);
}
