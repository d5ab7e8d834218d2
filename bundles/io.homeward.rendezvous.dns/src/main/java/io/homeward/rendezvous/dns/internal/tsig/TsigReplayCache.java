package io.homeward.rendezvous.dns.internal.tsig;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.xbill.DNS.TSIGRecord;

/**
 * The MACs of the signed requests that changed or opened something (UPDATE, LLQ), remembered for as long as
 * their time signed is acceptable (RFC 8945 §5.2.3: time signed plus fudge), so that a captured request cannot
 * be used a second time within that window, over the same transport or another one. Memory is bounded: when
 * full the oldest entry is evicted, and every request accepted no later than an evicted one is then refused, as
 * it might be the replay of a forgotten MAC.
 */
public final class TsigReplayCache {
    private record Seen(String keyName, ByteBuffer mac) {
    }

    private final int capacity;
    private final Clock clock;
    /** Insertion order; an entry's value is the end of its acceptance window. */
    private final Map<Seen, Instant> seen = new LinkedHashMap<>();
    /** The latest acceptance window end of an evicted entry: nothing accepted until then is admitted any more. */
    private Instant forgottenUntil = Instant.MIN;
    private long evictions;

    public TsigReplayCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * Records the MAC of a verified request; false when it was seen before within its window (a replay) or
     * could have been without the cache knowing it any more.
     */
    public synchronized boolean firstUse(TsigOutcome verified) {
        TSIGRecord tsig = verified.request();
        Instant until = TsigVerifier.acceptedUntil(tsig);
        expire();
        if (!until.isAfter(forgottenUntil)) {
            return false;
        }
        Seen key = new Seen(verified.keyName().toString(), ByteBuffer.wrap(tsig.getSignature().clone()));
        if (seen.putIfAbsent(key, until) != null) {
            return false;
        }
        if (seen.size() > capacity) {
            Iterator<Instant> oldest = seen.values().iterator();
            Instant evicted = oldest.next();
            oldest.remove();
            evictions++;
            if (evicted.isAfter(forgottenUntil)) {
                forgottenUntil = evicted;
            }
        }
        return true;
    }

    /** Entries dropped before their window ended because the cache was full. */
    public synchronized long evictions() {
        return evictions;
    }

    /** Drops the entries from the front whose window has ended (insertion order is nearly window order). */
    private void expire() {
        Instant now = clock.instant();
        Iterator<Instant> it = seen.values().iterator();
        while (it.hasNext()) {
            if (it.next().isAfter(now)) {
                return;
            }
            it.remove();
        }
    }
}
