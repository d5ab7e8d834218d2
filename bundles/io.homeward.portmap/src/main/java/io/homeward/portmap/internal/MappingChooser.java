package io.homeward.portmap.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;

import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingEvent.Kind;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.kit.schedule.Scheduler;

/**
 * Keeps one UDP mapping for the tunnel port with the best-ranked mapper that works. A better mapper
 * that appears takes over (new mapping first, then the old one is released); when the mapper in use
 * goes away or loses the mapping, the next one is asked. All state is confined to the scheduler's
 * single thread; {@link #state()} is a published snapshot.
 */
final class MappingChooser {
    static final Duration MIN_RENEWAL_DELAY = Duration.ofSeconds(30);
    static final Duration HANDOVER_RECHECK = Duration.ofSeconds(10);
    /** The network watcher reports one burst as up to one notification per kind, back to back: map once. */
    static final Duration NETWORK_SETTLE = Duration.ofMillis(50);
    /** Service ids start at 1. */
    private static final long NO_SERVICE = 0;

    private final int port;
    private final Duration lifetime;
    private final Duration retryInterval;
    private final boolean enabled;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Consumer<PortMappingEvent> publish;
    private final Logger log;

    private final List<MapperEntry> mappers = new ArrayList<>();
    private final Map<Long, ProtocolResult> results = new HashMap<>();
    private MapperEntry activeEntry;
    private PortMapping active;
    /** The last mapping listeners were told about, so they hear LOST or CHANGED relative to it. */
    private PortMapping published;
    private Scheduler.Scheduled retry;
    private Scheduler.Scheduled renewal;
    private Scheduler.Scheduled networkRemap;
    private boolean stopped;
    private volatile ChooserState state;

    MappingChooser(int port, Duration lifetime, Duration retryInterval, boolean enabled, Clock clock,
            Scheduler scheduler, Consumer<PortMappingEvent> publish, Logger log) {
        this.port = port;
        this.lifetime = lifetime;
        this.retryInterval = retryInterval;
        this.enabled = enabled;
        this.clock = clock;
        this.scheduler = scheduler;
        this.publish = publish;
        this.log = log;
        this.state = new ChooserState(enabled, port, null, List.of());
    }

    ChooserState state() {
        return state;
    }

    /**
     * The state once the work queued so far (a mapper being asked right now, say) is done, waiting at
     * most {@code wait}; so a diagnosis right after start shows answers rather than "not asked yet".
     */
    ChooserState settledState(Duration wait) {
        CountDownLatch done = new CountDownLatch(1);
        scheduler.execute(done::countDown);
        try {
            done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return state;
    }

    void add(MapperEntry entry) {
        scheduler.execute(() -> {
            mappers.removeIf(m -> m.serviceId() == entry.serviceId());
            mappers.add(entry);
            mappers.sort(MapperEntry.BEST_FIRST);
            if (activeEntry != null && activeEntry.serviceId() == entry.serviceId()) {
                activeEntry = entry;
            }
            reconsider();
        });
    }

    /** The mapper is gone (its bundle stopped): it released its own mappings, so only forget ours. */
    void remove(MapperEntry entry) {
        scheduler.execute(() -> {
            mappers.removeIf(m -> m.serviceId() == entry.serviceId());
            results.remove(entry.serviceId());
            PortMapping lost = null;
            if (activeEntry != null && activeEntry.serviceId() == entry.serviceId()) {
                log.info("port mapper " + entry.name() + " went away; asking the next one");
                lost = active;
                dropActive();
            }
            reconsider();
            if (lost != null && active != null && sameEndpoint(lost, active)) {
                // The departing mapper cleans up after it was unbound; on a gateway that keeps one rule per
                // endpoint for all protocols, that cleanup removes the new mapping too. Ask once more then.
                PortMapping handedOver = active;
                scheduler.schedule(() -> renewIfStale(handedOver), HANDOVER_RECHECK);
            }
        });
    }

    /** A mapper reported on one of its mappings; only the one this chooser holds matters. */
    void mapperEvent(PortMappingEvent event) {
        scheduler.execute(() -> {
            PortMapping m = event.mapping();
            if (active == null || m.mapper() != active.mapper() || m.internalPort() != port
                    || m.transport() != TransportProtocol.UDP) {
                return;
            }
            if (event.kind() == Kind.LOST) {
                log.warn("port mapper " + activeEntry.name() + " lost the mapping; asking the mappers again");
                results.put(activeEntry.serviceId(), new ProtocolResult(false, "lost the mapping", clock.instant()));
                dropActive();
                reconsider();
            } else if (event.kind() != Kind.MAPPED) {
                // MAPPED is only the echo of the map() call that produced the mapping held now.
                hold(m);
            }
        });
    }

    /**
     * The host's network changed (docs/architecture.md: a moving host re-maps first). The mapping held may
     * now sit on a gateway that is gone or has a new public address, so ask its mapper again at once instead
     * of waiting for the renewal, then give better-ranked mappers their chance; a mapper that no longer
     * answers hands over.
     * The notifications of one burst arrive back to back and are answered with one re-map.
     */
    void networkChanged() {
        scheduler.execute(() -> {
            if (stopped) {
                return;
            }
            cancel(networkRemap);
            networkRemap = scheduler.schedule(this::remapAfterNetworkChange, NETWORK_SETTLE);
        });
    }

    private void remapAfterNetworkChange() {
        networkRemap = null;
        if (stopped || !enabled) {
            return;
        }
        if (active == null) {
            reconsider();
            return;
        }
        MapperEntry held = activeEntry;
        PortMapping again = tryMap(held);
        if (again != null) {
            hold(again);
            reconsider();
        } else {
            dropActive();
            reconsider(held.serviceId());
        }
    }

    /** Releases the mapping and stops all timers; nothing happens after this. */
    void stop() {
        scheduler.execute(() -> {
            stopped = true;
            cancelTimers();
            if (activeEntry != null) {
                release(activeEntry, active);
                dropActive();
            }
            if (published != null) {
                log.info("tunnel port mapping stopped; the mapping of UDP " + port + " is released");
                publish.accept(new PortMappingEvent(Kind.LOST, published));
                published = null;
            }
            snapshot();
        });
    }

    private void reconsider() {
        reconsider(NO_SERVICE);
    }

    /** Asks the mappers better than the one held, best first, leaving out {@code justFailed} (it was just asked). */
    private void reconsider(long justFailed) {
        if (stopped || !enabled) {
            snapshot();
            return;
        }
        cancel(retry);
        retry = null;
        for (MapperEntry entry : List.copyOf(mappers)) {
            if (activeEntry != null && entry.serviceId() == activeEntry.serviceId()) {
                break;
            }
            if (entry.serviceId() == justFailed) {
                continue;
            }
            PortMapping granted = tryMap(entry);
            if (granted != null) {
                switchTo(entry, granted);
                break;
            }
        }
        announceLossIfNone();
        boolean holdsBest = activeEntry != null && activeEntry.serviceId() == mappers.get(0).serviceId();
        if (!holdsBest && !mappers.isEmpty()) {
            retry = scheduler.schedule(this::reconsider, retryInterval);
        }
        snapshot();
    }

    private PortMapping tryMap(MapperEntry entry) {
        try {
            PortMapping m = entry.mapper().map(TransportProtocol.UDP, port, lifetime);
            results.put(entry.serviceId(), new ProtocolResult(true, "", clock.instant()));
            return m;
        } catch (PortMappingException e) {
            log.info("port mapper " + entry.name() + " gave no mapping for UDP " + port + ": " + e.getMessage());
            results.put(entry.serviceId(), new ProtocolResult(false, e.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("port mapper " + entry.name() + " failed unexpectedly: " + e);
            results.put(entry.serviceId(), new ProtocolResult(false, "failed: " + e, clock.instant()));
        }
        return null;
    }

    private void switchTo(MapperEntry entry, PortMapping granted) {
        MapperEntry oldEntry = activeEntry;
        PortMapping oldMapping = active;
        activeEntry = entry;
        PortMapping held = granted;
        if (oldEntry != null) {
            log.info("port mapper " + entry.name() + " takes over from " + oldEntry.name());
            release(oldEntry, oldMapping);
            // One gateway may keep a single rule per internal endpoint whatever the protocol (miniupnpd
            // does): the release then removed the new mapping too, so ask for it once more.
            if (sameEndpoint(oldMapping, granted)) {
                PortMapping again = tryMap(entry);
                if (again == null) {
                    dropActive();
                    reconsider();
                    return;
                }
                held = again;
            }
        }
        hold(held);
    }

    private void hold(PortMapping m) {
        active = m;
        Kind kind = published == null ? Kind.MAPPED : sameEndpoint(published, m) ? Kind.RENEWED : Kind.CHANGED;
        published = m;
        if (kind != Kind.RENEWED) {
            log.info("tunnel port " + port + " is reachable at " + m.externalAddress().getHostAddress() + ":"
                    + m.externalPort() + " via " + m.mapper().text());
        }
        publish.accept(new PortMappingEvent(kind, m));
        scheduleRenewal(m);
        snapshot();
    }

    /**
     * A safety net under the mapper's own upkeep: if it has not renewed the mapping by three quarters
     * of its lifetime, ask it again, and move on to the next mapper if it fails.
     */
    private void scheduleRenewal(PortMapping m) {
        cancel(renewal);
        renewal = null;
        if (m.lifetime().isZero()) {
            return;
        }
        Duration delay = Duration.between(clock.instant(), m.grantedAt().plus(m.lifetime().multipliedBy(3)
                .dividedBy(4)));
        // A mapper whose clock or grant time is off must not make this spin.
        renewal = scheduler.schedule(() -> renewIfStale(m), delay.compareTo(MIN_RENEWAL_DELAY) < 0
                ? MIN_RENEWAL_DELAY : delay);
    }

    private void renewIfStale(PortMapping m) {
        if (stopped || active != m) {
            return;
        }
        PortMapping renewed = tryMap(activeEntry);
        if (renewed != null) {
            hold(renewed);
        } else {
            dropActive();
            reconsider();
        }
    }

    private void release(MapperEntry entry, PortMapping m) {
        try {
            entry.mapper().release(m);
        } catch (PortMappingException | RuntimeException e) {
            log.warn("port mapper " + entry.name() + " did not release " + m.externalPort() + ": " + e.getMessage());
        }
    }

    private void dropActive() {
        activeEntry = null;
        active = null;
        cancel(renewal);
        renewal = null;
    }

    private void announceLossIfNone() {
        if (active == null && published != null) {
            log.warn("tunnel port " + port + " has no inbound mapping any more");
            publish.accept(new PortMappingEvent(Kind.LOST, published));
            published = null;
        }
    }

    private void cancelTimers() {
        cancel(retry);
        cancel(renewal);
        cancel(networkRemap);
        retry = null;
        renewal = null;
        networkRemap = null;
    }

    private static void cancel(Scheduler.Scheduled s) {
        if (s != null) {
            s.cancel();
        }
    }

    private static boolean sameEndpoint(PortMapping a, PortMapping b) {
        return a.externalAddress().equals(b.externalAddress()) && a.externalPort() == b.externalPort();
    }

    private void snapshot() {
        List<MapperView> views = new ArrayList<>(mappers.size());
        for (MapperEntry m : mappers) {
            boolean isActive = activeEntry != null && activeEntry.serviceId() == m.serviceId();
            views.add(new MapperView(m.name(), m.ranking(), isActive, results.get(m.serviceId())));
        }
        state = new ChooserState(enabled, port, active, views);
    }
}
