package io.homeward.api.watch;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives the answers of one subscription: first the current ones as adds, then changes. */
@ConsumerType
public interface RecordListener {
    void added(WatchedRecord record);

    void removed(WatchedRecord record);
}
