package io.homeward.rendezvous.dns.internal.zone;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

import io.homeward.rendezvous.dns.internal.journal.JournalEntry;
import io.homeward.rendezvous.dns.internal.journal.ZonePersistence;

/**
 * All zones of the server: the domain zone (from configuration only) and one journaled zone per user. Reads
 * run under a shared lock, changes under an exclusive one. A change is journaled and applied under that
 * lock; it is acknowledged, and the listeners hear of it (in commit order), only once the journal has it
 * on disk, so no long-lived query learns of a change a crash could still undo.
 */
public final class ZoneStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Name, Zone> zones = new TreeMap<>();
    /** Moves (under the write lock) with every change that can alter an answer; see {@link #generation}. */
    private final AtomicLong generation = new AtomicLong();
    private final List<ZoneChangeListener> listeners = new CopyOnWriteArrayList<>();
    /** Changes applied but not yet known durable, in commit order; guarded by itself. */
    private final ArrayDeque<PendingChange> pending = new ArrayDeque<>();
    /** Held while delivering, so listeners hear changes one at a time and in order. */
    private final Object delivery = new Object();
    private final ZoneTemplate template;
    private final ZonePersistence persistence;
    private final Clock clock;
    private final Logger log;

    public ZoneStore(ZoneTemplate template, ZonePersistence persistence, Clock clock, Logger log) {
        this.template = template;
        this.persistence = persistence;
        this.clock = clock;
        this.log = log;
    }

    /** Serves the domain zone and restores the user zones from snapshot and journal. */
    public void open() throws IOException {
        lock.writeLock().lock();
        try {
            Name domain = template.domain();
            zones.put(domain, new Zone(domain, false, template, Serials.initial(clock.instant().getEpochSecond())));
            for (JournalEntry entry : persistence.load()) {
                replay(entry);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A counter that moves whenever the zones change in any way an answer could show; two equal readings
     * mean no change happened between them.
     */
    public long generation() {
        return generation.get();
    }

    public void addListener(ZoneChangeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ZoneChangeListener listener) {
        listeners.remove(listener);
    }

    /** Runs {@code action} with the zones locked for reading. */
    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code action} with the zones locked for changing. */
    public <T> T write(IoSupplier<T> action) throws IOException {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The deepest zone that contains {@code name}, or null. Call under {@link #read} or {@link #write}. */
    public Zone find(Name name) {
        requireLock();
        Zone best = null;
        for (Name candidate = name; ; candidate = new Name(candidate, 1)) {
            best = zones.get(candidate);
            if (best != null || candidate.labels() <= 1) {
                return best;
            }
        }
    }

    /** The zone with exactly this apex, or null. Call under {@link #read} or {@link #write}. */
    public Zone zone(Name apex) {
        requireLock();
        return zones.get(apex);
    }

    /** Every zone, domain zone included. Call under {@link #read} or {@link #write}. */
    public List<Zone> zones() {
        requireLock();
        return List.copyOf(zones.values());
    }

    /** Creates an empty user zone; false when it already exists. */
    public boolean createZone(Name apex) throws IOException {
        if (!apex.subdomain(template.domain()) || apex.equals(template.domain())) {
            throw new IllegalArgumentException("the zone " + apex + " is not below the domain " + template.domain());
        }
        return write(() -> {
            if (zones.containsKey(apex)) {
                return false;
            }
            long serial = Serials.initial(clock.instant().getEpochSecond());
            persistence.append(new JournalEntry.ZoneAdded(apex, serial));
            zones.put(apex, new Zone(apex, true, template, serial));
            generation.incrementAndGet();
            compactIfLarge();
            return true;
        });
    }

    /** Drops a user zone and every record in it; false when there was no such zone. */
    public boolean removeZone(Name apex) throws IOException {
        boolean removed = write(() -> {
            Zone zone = zones.get(apex);
            if (zone == null || !zone.isUserZone()) {
                return false;
            }
            persistence.append(new JournalEntry.ZoneRemoved(apex));
            zones.remove(apex);
            generation.incrementAndGet();
            // The forced append made this and every earlier change durable.
            queue(0, new ZoneChange(apex, zone.serial(), zone.storedRecords(), List.of()));
            compactIfLarge();
            return true;
        });
        deliverDurable();
        return removed;
    }

    /**
     * Journals {@code delta} and applies it. Call under {@link #write}. The change is durable, and the
     * listeners hear of it, once {@link #awaitDurable} returns for the offset this returns; acknowledge it
     * only then.
     */
    public long commit(Zone zone, ZoneDelta delta) throws IOException {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("commit needs the write lock");
        }
        if (!zone.isUserZone()) {
            throw new IllegalArgumentException("the domain zone " + zone.apex() + " is read-only");
        }
        long offset = persistence.write(new JournalEntry.ZoneChanged(zone.apex(), delta));
        zone.apply(delta);
        generation.incrementAndGet();
        if (delta.changesData()) {
            queue(offset, new ZoneChange(zone.apex(), delta.serial(), delta.removed(), delta.added()));
        }
        compactIfLarge();
        return offset;
    }

    /**
     * Returns once every change committed up to {@code offset} is on the device, after telling the
     * listeners about the changes that now are. Never call it holding the zone lock: listeners may read.
     */
    public void awaitDurable(long offset) throws IOException {
        persistence.awaitDurable(offset);
        deliverDurable();
    }

    /** Removes every record whose lease has ended, one change (one serial bump) per zone. */
    public int expireLeases(Instant now) throws IOException {
        long[] written = {0};
        int count = write(() -> {
            int removed = 0;
            for (Zone zone : zones.values()) {
                List<Record> expired = zone.expired(now);
                if (!expired.isEmpty()) {
                    written[0] = commit(zone, new ZoneDelta(Serials.next(zone.serial()), expired, List.of(), Map.of(), Set.of()));
                    log.info("Lease ended for {} record(s) in {}", expired.size(), zone.apex());
                    removed += expired.size();
                }
            }
            return removed;
        });
        if (written[0] > 0) {
            awaitDurable(written[0]);
        }
        return count;
    }

    private void replay(JournalEntry entry) {
        if (entry instanceof JournalEntry.ZoneAdded added) {
            zones.putIfAbsent(added.zone(), new Zone(added.zone(), true, template, added.serial()));
        } else if (entry instanceof JournalEntry.ZoneRemoved removed) {
            Zone zone = zones.get(removed.zone());
            if (zone != null && zone.isUserZone()) {
                zones.remove(removed.zone());
            }
        } else if (entry instanceof JournalEntry.ZoneChanged changed) {
            Zone zone = zones.get(changed.zone());
            if (zone == null || !zone.isUserZone()) {
                log.warn("The journal changes zone {} which it never created; change skipped", changed.zone());
            } else {
                zone.apply(changed.delta());
            }
        }
    }

    /** Compacts a large journal; the forced snapshot then holds every change so far, and offsets restart. */
    private void compactIfLarge() {
        try {
            if (persistence.needsCompaction()) {
                persistence.compact(snapshotEntries());
                synchronized (pending) {
                    List<PendingChange> durable = pending.stream().map(p -> new PendingChange(0, p.change())).toList();
                    pending.clear();
                    pending.addAll(durable);
                }
            }
        } catch (IOException e) {
            log.warn("Could not compact the DNS journal (it stays complete, only larger): {}", e.getMessage());
        }
    }

    private void queue(long offset, ZoneChange change) {
        synchronized (pending) {
            pending.add(new PendingChange(offset, change));
        }
    }

    /** Tells the listeners every queued change the journal now holds on disk. */
    private void deliverDurable() {
        synchronized (delivery) {
            while (true) {
                PendingChange next;
                synchronized (pending) {
                    next = pending.peek();
                    if (next == null || next.offset() > persistence.durableOffset()) {
                        return;
                    }
                    pending.poll();
                }
                notifyListeners(next.change());
            }
        }
    }

    private record PendingChange(long offset, ZoneChange change) {
    }

    private List<JournalEntry> snapshotEntries() {
        List<JournalEntry> entries = new ArrayList<>();
        for (Zone zone : zones.values()) {
            if (zone.isUserZone()) {
                entries.add(new JournalEntry.ZoneAdded(zone.apex(), zone.serial()));
                entries.add(new JournalEntry.ZoneChanged(zone.apex(),
                        new ZoneDelta(zone.serial(), List.of(), zone.storedRecords(), zone.leases(), Set.of())));
            }
        }
        return entries;
    }

    private void notifyListeners(ZoneChange change) {
        for (ZoneChangeListener listener : listeners) {
            try {
                listener.zoneChanged(change);
            } catch (RuntimeException e) {
                log.error("A zone change listener failed on {}", change.zone(), e);
            }
        }
    }

    private void requireLock() {
        if (lock.getReadHoldCount() == 0 && !lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("read zones under read() or write()");
        }
    }

    /** A supplier that may fail with an I/O error. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }
}
