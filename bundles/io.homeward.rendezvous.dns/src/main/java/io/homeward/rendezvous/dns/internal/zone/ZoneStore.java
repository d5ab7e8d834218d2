package io.homeward.rendezvous.dns.internal.zone;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Promise;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * All zones of the server: the domain zone (from configuration only) and one journaled zone per user. Reads
 * run under a shared lock, changes under an exclusive one. A change is journaled and applied under that
 * lock; it is acknowledged, and the listeners hear of it (in commit order), only once the {@link ZoneJournal}
 * has it on disk, so no long-lived query learns of a change a crash could still undo.
 */
public final class ZoneStore {
    /** Records per snapshot entry: a few kilobytes, what one damaged frame of a snapshot can cost. */
    public static final int SNAPSHOT_RECORDS = 64;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Name, Zone> zones = new TreeMap<>();
    /** Moves (under the write lock) with every change that can alter an answer; see {@link #generation}. */
    private final AtomicLong generation = new AtomicLong();
    private final DurableChanges changes;
    private final ZoneTemplate template;
    private final ZoneJournal journal;
    private final Clock clock;
    private final Logger log;

    public ZoneStore(ZoneTemplate template, ZoneJournal journal, Clock clock, Logger log) {
        this.template = template;
        this.journal = journal;
        this.clock = clock;
        this.log = log;
        this.changes = new DurableChanges(log);
    }

    /** Serves the domain zone and restores the user zones from snapshot and journal. */
    public void open() throws IOException {
        lock.writeLock().lock();
        try {
            Name domain = template.domain();
            zones.put(domain, new Zone(domain, false, template, Serials.initial(clock.instant().getEpochSecond())));
            List<JournalEntry> entries = journal.load();
            int skipped = 0;
            for (JournalEntry entry : entries) {
                skipped += replay(entry) ? 0 : 1;
            }
            List<Zone> users = zones.values().stream().filter(Zone::isUserZone).toList();
            log.info("Replay restored {} zone(s) with {} record(s) from {} journal entries; {} entries did not apply",
                    users.size(), users.stream().mapToInt(zone -> zone.storedRecords().size()).sum(),
                    entries.size() - skipped, skipped);
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

    /** Tells {@code listener} of every durable change from now on (see {@link ZoneChangeListener}). */
    public void addListener(ZoneChangeListener listener) {
        changes.addListener(listener);
    }

    public void removeListener(ZoneChangeListener listener) {
        changes.removeListener(listener);
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

    /** Runs {@code action} with the zones locked for changing; then tells the listeners what became durable. */
    public <T> T write(IoSupplier<T> action) throws IOException {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
            tellUnlessLocked();
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
            journal.appendDurably(new JournalEntry.ZoneAdded(apex, serial));
            changes.allDurable();
            zones.put(apex, new Zone(apex, true, template, serial));
            generation.incrementAndGet();
            journal.compactIfLarge(this::snapshotEntries);
            return true;
        });
    }

    /** Drops a user zone and every record in it; false when there was no such zone. */
    public boolean removeZone(Name apex) throws IOException {
        return write(() -> {
            Zone zone = zones.get(apex);
            if (zone == null || !zone.isUserZone()) {
                return false;
            }
            journal.appendDurably(new JournalEntry.ZoneRemoved(apex));
            zones.remove(apex);
            generation.incrementAndGet();
            changes.committed(new ZoneChange(apex, zone.serial(), zone.storedRecords(), List.of()));
            changes.allDurable();
            journal.compactIfLarge(this::snapshotEntries);
            return true;
        });
    }

    /**
     * Journals {@code delta} and applies it. Call under {@link #write}. The completion resolves once the change
     * is durable and the listeners heard of it, or fails when the journal could not make it durable; acknowledge
     * the change only then. An empty delta journals nothing, and its completion resolves once every change
     * committed before it is durable: the state it found may rest on a change still waiting for its flush.
     *
     * @throws IOException when the journal could not even write it; then nothing changed
     */
    public Promise<Void> commit(Zone zone, ZoneDelta delta) throws IOException {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("commit needs the write lock");
        }
        if (!zone.isUserZone()) {
            throw new IllegalArgumentException("the domain zone " + zone.apex() + " is read-only");
        }
        if (delta.isEmpty()) {
            return journal.whenAllDurable();
        }
        Promise<Void> durable = journal.append(new JournalEntry.ZoneChanged(zone.apex(), delta));
        zone.apply(delta);
        generation.incrementAndGet();
        Promise<Void> told = durable;
        if (delta.changesData()) {
            long sequence = changes.committed(new ZoneChange(zone.apex(), delta.serial(), delta.removed(),
                    delta.added()));
            told = durable.then(resolved -> {
                changes.durableThrough(sequence);
                tellUnlessLocked();
                return resolved;
            });
        }
        journal.compactIfLarge(this::snapshotEntries);
        return told;
    }

    /** Removes every record whose lease has ended, one change (one serial bump) per zone; returns once durable. */
    public int expireLeases(Instant now) throws IOException {
        List<Promise<Void>> committed = new ArrayList<>();
        int count = write(() -> {
            int removed = 0;
            for (Zone zone : zones.values()) {
                List<Record> expired = zone.expired(now);
                if (!expired.isEmpty()) {
                    committed.add(commit(zone, new ZoneDelta(Serials.next(zone.serial()), expired, List.of(),
                            Map.of(), Set.of())));
                    log.info("Lease ended for {} record(s) in {}", expired.size(), zone.apex());
                    removed += expired.size();
                }
            }
            return removed;
        });
        for (Promise<Void> change : committed) {
            awaitDurable(change);
        }
        return count;
    }

    /**
     * The server's own change of a user zone (a removed host's records, the revocation list): in one journaled change
     * (one serial bump, like an UPDATE), the records {@code removed} picks in the zone go and {@code added} come,
     * without a lease. Returns once the change is durable and the listeners heard of it.
     *
     * @return the records removed and added; 0 when the zone does not exist or already was so
     */
    public int replace(Name apex, Function<Zone, List<Record>> removed, List<Record> added) throws IOException {
        List<Promise<Void>> committed = new ArrayList<>();
        int count = write(() -> {
            Zone zone = zones.get(apex);
            if (zone == null || !zone.isUserZone()) {
                return 0;
            }
            List<Record> going = removed.apply(zone).stream().filter(r -> !added.contains(r)).distinct().toList();
            List<Record> coming = added.stream().filter(r -> !zone.rrset(r.getName(), r.getType()).contains(r))
                    .toList();
            Set<Record> unleased = added.stream().filter(r -> zone.leaseOf(r).isPresent()).collect(Collectors.toSet());
            if (going.isEmpty() && coming.isEmpty() && unleased.isEmpty()) {
                return 0;
            }
            long serial = going.isEmpty() && coming.isEmpty() ? zone.serial() : Serials.next(zone.serial());
            committed.add(commit(zone, new ZoneDelta(serial, going, coming, Map.of(), unleased)));
            return going.size() + coming.size();
        });
        for (Promise<Void> change : committed) {
            awaitDurable(change);
        }
        return count;
    }

    private static void awaitDurable(Promise<Void> change) throws IOException {
        Throwable failure;
        try {
            failure = change.getFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the journal");
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException("the journal failed", failure);
        }
    }

    /**
     * Applies one kept entry; false when it could not be. A change of a zone whose creation is missing (cut out of
     * a damaged file) recreates it: only an existing zone can have been changed, and a later removal still applies.
     */
    private boolean replay(JournalEntry entry) {
        if (entry instanceof JournalEntry.ZoneAdded added) {
            zones.putIfAbsent(added.zone(), new Zone(added.zone(), true, template, added.serial()));
        } else if (entry instanceof JournalEntry.ZoneRemoved removed) {
            Zone zone = zones.get(removed.zone());
            if (zone != null && zone.isUserZone()) {
                zones.remove(removed.zone());
            }
        } else if (entry instanceof JournalEntry.ZoneChanged changed) {
            Name apex = changed.zone();
            if (!apex.subdomain(template.domain()) || apex.equals(template.domain())) {
                log.warn("The journal changes zone {}, which is not below the domain; change skipped", apex);
                return false;
            }
            if (!zones.containsKey(apex)) {
                log.warn("The journal changes zone {} whose creation it lost; the zone is recreated", apex);
                zones.put(apex, new Zone(apex, true, template, changed.delta().serial()));
            }
            zones.get(apex).apply(changed.delta());
        }
        return true;
    }

    /** Each zone's records in frames of {@link #SNAPSHOT_RECORDS}, so that a damaged frame costs only those. */
    private List<JournalEntry> snapshotEntries() {
        List<JournalEntry> entries = new ArrayList<>();
        for (Zone zone : zones.values()) {
            if (zone.isUserZone()) {
                entries.add(new JournalEntry.ZoneAdded(zone.apex(), zone.serial()));
                List<Record> records = zone.storedRecords();
                Map<Record, Instant> leases = zone.leases();
                for (int from = 0; from < records.size(); from += SNAPSHOT_RECORDS) {
                    List<Record> chunk = records.subList(from, Math.min(records.size(), from + SNAPSHOT_RECORDS));
                    Map<Record, Instant> chunkLeases = new HashMap<>();
                    chunk.forEach(r -> Optional.ofNullable(leases.get(r)).ifPresent(end -> chunkLeases.put(r, end)));
                    entries.add(new JournalEntry.ZoneChanged(zone.apex(),
                            new ZoneDelta(zone.serial(), List.of(), chunk, chunkLeases, Set.of())));
                }
            }
        }
        return entries;
    }

    /** Listeners may read the zones, so they are never told under the write lock; write() tells once unlocked. */
    private void tellUnlessLocked() {
        if (!lock.isWriteLockedByCurrentThread()) {
            changes.tell();
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
