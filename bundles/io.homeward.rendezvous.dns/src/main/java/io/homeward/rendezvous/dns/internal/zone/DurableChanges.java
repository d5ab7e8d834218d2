package io.homeward.rendezvous.dns.internal.zone;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

/**
 * Tells the {@link ZoneChangeListener}s of committed changes once they are durable, one at a time and in commit
 * order. A change counts as durable once it or any later change is: one flush covers every entry written before.
 */
final class DurableChanges {
    private final List<ZoneChangeListener> listeners = new CopyOnWriteArrayList<>();
    /** Changes committed but not yet told, in commit order; guarded by itself with the two counters. */
    private final ArrayDeque<Committed> waiting = new ArrayDeque<>();
    private long lastCommitted;
    private long durableThrough;
    /** Held while telling, so listeners hear changes one at a time and in order. */
    private final Object telling = new Object();
    private final Logger log;

    private record Committed(long sequence, ZoneChange change) {
    }

    DurableChanges(Logger log) {
        this.log = log;
    }

    void addListener(ZoneChangeListener listener) {
        listeners.add(listener);
    }

    void removeListener(ZoneChangeListener listener) {
        listeners.remove(listener);
    }

    /** Queues a change in commit order; returns its sequence number for {@link #durableThrough}. */
    long committed(ZoneChange change) {
        synchronized (waiting) {
            waiting.add(new Committed(++lastCommitted, change));
            return lastCommitted;
        }
    }

    /** Every change committed so far is on the device (a forced write covered them all). */
    void allDurable() {
        synchronized (waiting) {
            durableThrough = lastCommitted;
        }
    }

    /** The change with this sequence number, and every one before it, is on the device. */
    void durableThrough(long sequence) {
        synchronized (waiting) {
            durableThrough = Math.max(durableThrough, sequence);
        }
    }

    /** Tells the listeners every queued change that is durable. Never call it holding the zone lock: they may read. */
    void tell() {
        synchronized (telling) {
            while (true) {
                Committed next;
                synchronized (waiting) {
                    next = waiting.peek();
                    if (next == null || next.sequence() > durableThrough) {
                        return;
                    }
                    waiting.poll();
                }
                for (ZoneChangeListener listener : listeners) {
                    try {
                        listener.zoneChanged(next.change());
                    } catch (RuntimeException e) {
                        log.error("A zone change listener failed on {}", next.change().zone(), e);
                    }
                }
            }
        }
    }
}
