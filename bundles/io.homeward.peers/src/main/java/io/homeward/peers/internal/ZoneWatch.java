package io.homeward.peers.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Type;

import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.schedule.Scheduler;

/**
 * The user's hosts in one zone: one watch on the browse PTR {@code _homeward._udp.<zone>} that the
 * registrar keeps pointing at every host (DNS-SD style, RFC 6763 §4), and a {@link HostTracker}
 * for each host other than this one. Logic thread only.
 */
final class ZoneWatch implements AutoCloseable {
    static final String BROWSE_PREFIX = "_homeward._udp.";

    private final String zone;
    private final RecordWatcher watcher;
    private final Scheduler logic;
    private final Supplier<Optional<String>> selfName;
    private final Runnable changed;
    private final Logger log;
    private final Map<String, String> hostByRdata = new LinkedHashMap<>();
    private final Map<String, HostTracker> trackers = new TreeMap<>();
    private final Watch browse;

    ZoneWatch(String zone, RecordWatcher watcher, Scheduler logic, Supplier<Optional<String>> selfName,
            Runnable changed, Logger log) {
        this.zone = zone;
        this.watcher = watcher;
        this.logic = logic;
        this.selfName = selfName;
        this.changed = changed;
        this.log = log;
        this.browse = Watch.open(watcher, BROWSE_PREFIX + zone, Type.PTR, logic, this::browseChanged, log);
    }

    /** True when this watches {@code zone} through {@code watcher}, so nothing needs re-creating. */
    boolean follows(RecordWatcher otherWatcher, String otherZone) {
        return watcher == otherWatcher && zone.equals(otherZone);
    }

    /** How the host list arrives now, {@link WatchMechanism#NONE} while the watcher has no working mechanism. */
    WatchMechanism mechanism() {
        return browse == null ? WatchMechanism.NONE : browse.mechanism();
    }

    /** What each followed host's records say now, by host name. */
    Map<String, Observed> observed() {
        Map<String, Observed> now = new TreeMap<>();
        trackers.forEach((host, tracker) -> tracker.observed().ifPresent(o -> now.put(host, o)));
        return now;
    }

    /** Follows exactly the listed hosts other than this one; called again when this host's name may have changed. */
    void reconcile() {
        Set<String> wanted = new TreeSet<>(hostByRdata.values());
        selfName.get().map(name -> name.toLowerCase(Locale.ROOT)).ifPresent(wanted::remove);
        for (Iterator<Map.Entry<String, HostTracker>> it = trackers.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, HostTracker> entry = it.next();
            if (!wanted.contains(entry.getKey())) {
                log.info("No longer following host {} in {}", entry.getKey(), zone);
                entry.getValue().close();
                it.remove();
            }
        }
        for (String host : wanted) {
            if (!trackers.containsKey(host)) {
                log.info("Following host {} in {}", host, zone);
                trackers.put(host, new HostTracker(host, zone, watcher, logic, changed, log));
            }
        }
        changed.run();
    }

    @Override
    public void close() {
        trackers.values().forEach(HostTracker::close);
        trackers.clear();
        if (browse != null) {
            browse.close();
        }
    }

    private void browseChanged(WatchedRecord record, boolean added, WatchMechanism mechanism) {
        String key = record.rdata().trim().toLowerCase(Locale.ROOT);
        if (!added) {
            if (hostByRdata.remove(key) != null) {
                reconcile();
            }
            return;
        }
        try {
            hostByRdata.put(key, RecordText.hostOf(record.rdata(), zone));
            reconcile();
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring the host list entry {} of {}: {}", record.rdata(), record.name(), e.getMessage());
        }
    }
}
