package io.homeward.kit.net;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per key, such as a client address or a TSIG key. Memory stays bounded: when the table is full,
 * buckets that have refilled completely (idle clients, indistinguishable from new ones) are dropped first,
 * then the least recently used.
 */
public final class RateLimiter<K> {
    private final double perSecond;
    private final double burst;
    private final int maxClients;
    private final Clock clock;
    private final LinkedHashMap<K, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    public RateLimiter(double perSecond, int burst, int maxClients, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Takes one token for {@code client}; false when its bucket is empty. */
    public synchronized boolean allow(K client) {
        long nowMillis = clock.millis();
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            makeRoom(nowMillis);
            bucket = new Bucket(burst, nowMillis);
            buckets.put(client, bucket);
        }
        bucket.refill(nowMillis);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    /** How many buckets are kept now. */
    public synchronized int size() {
        return buckets.size();
    }

    private void makeRoom(long nowMillis) {
        if (buckets.size() < maxClients) {
            return;
        }
        buckets.values().removeIf(b -> b.refilledBy(nowMillis) >= burst);
        Iterator<Map.Entry<K, Bucket>> eldest = buckets.entrySet().iterator();
        while (buckets.size() >= maxClients && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private final class Bucket {
        double tokens;
        long updatedMillis;

        Bucket(double tokens, long updatedMillis) {
            this.tokens = tokens;
            this.updatedMillis = updatedMillis;
        }

        double refilledBy(long nowMillis) {
            return Math.min(burst, tokens + Math.max(0, nowMillis - updatedMillis) * perSecond / 1000.0);
        }

        void refill(long nowMillis) {
            tokens = refilledBy(nowMillis);
            updatedMillis = Math.max(updatedMillis, nowMillis);
        }
    }
}
