package io.homeward.peers.internal;

import io.homeward.api.watch.WatchMechanism;
import io.homeward.api.watch.WatchedRecord;

/** Handles one add or remove of a watched record on the logic thread. */
interface RecordChange {
    /**
     * @param mechanism how the watcher learned it
     */
    void changed(WatchedRecord record, boolean added, WatchMechanism mechanism);
}
