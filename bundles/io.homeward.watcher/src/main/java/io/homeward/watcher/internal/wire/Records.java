package io.homeward.watcher.internal.wire;

import org.xbill.DNS.Record;

import io.homeward.api.watch.WatchedRecord;

/** Converts dnsjava records to what listeners see. */
public final class Records {

    private Records() {
    }

    public static WatchedRecord watched(Record record, long ttl) {
        return new WatchedRecord(record.getName().toString(), record.getType(), ttl, record.rdataToString());
    }
}
