package io.homeward.autotunnel.internal;

import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Promise;

import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.Peer;
import io.homeward.api.sa.MissingSaListener;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.text.Ipv6Text;

/**
 * The intent that every listed peer be reachable (docs/architecture.md, "Data flows"): on demand, the first packet to
 * a peer without an SA pair, which the SA database holds meanwhile, has the key exchange key it; eagerly, a peer is
 * keyed once listed with an endpoint, and again whenever it has no pair. Tunnels that carried no packet for the idle
 * time are closed. The SA pairs' counters are sampled every {@link #SAMPLE_EVERY}, which dates each peer's last
 * packet in and out at that resolution. All state lives on the scheduler's one thread; readers on other threads see
 * the published {@link PeerView}s.
 */
final class Autotunnel {
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    /** Addresses without a listed host whose packets were already reported; the oldest is forgotten beyond this. */
    static final int MAX_UNKNOWN_REPORTED = 256;
    static final Duration RETRY_FIRST = Duration.ofSeconds(10);
    static final Duration RETRY_LONGEST = Duration.ofMinutes(10);

    private final Scheduler scheduler;
    private final Clock clock;
    private final Random random;
    private final Logger log;
    private final SecurityAssociationDatabase database;
    private final TunnelKeying keying;
    private final AutotunnelSettings settings;
    private final MissingSaListener missing = this::missing;

    private final Map<Inet6Address, Peer> peers = new HashMap<>();
    private final Set<Inet6Address> asked = new HashSet<>();
    private final Map<Inet6Address, PeerActivity> activity = new HashMap<>();
    private final Map<Inet6Address, Duration> pings = new HashMap<>();
    private final Map<Inet6Address, Backoff> backoffs = new HashMap<>();
    private final Map<Inet6Address, Scheduler.Scheduled> retries = new HashMap<>();
    private final Set<Inet6Address> unknownReported = new LinkedHashSet<>();
    private Scheduler.Scheduled sampling;
    private boolean stopped;
    private volatile List<PeerView> views = List.of();

    Autotunnel(Scheduler scheduler, Clock clock, Random random, Logger log, SecurityAssociationDatabase database,
            TunnelKeying keying, AutotunnelSettings settings) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.log = log;
        this.database = database;
        this.keying = keying;
        this.settings = settings;
    }

    /** Registers with the SA database and starts sampling. */
    void start() {
        database.addMissingSaListener(missing);
        scheduler.execute(() -> sampling = scheduler.schedule(this::sample, SAMPLE_EVERY));
    }

    /** Unregisters at once; the timers are cancelled on the thread, after the work already handed to it. */
    void stop() {
        database.removeMissingSaListener(missing);
        scheduler.execute(() -> {
            stopped = true;
            if (sampling != null) {
                sampling.cancel();
            }
            retries.values().forEach(Scheduler.Scheduled::cancel);
            retries.clear();
        });
    }

    /** A peer appeared, moved or left the directory (on the directory's thread). */
    void peerChanged(Optional<Peer> before, Optional<Peer> after) {
        scheduler.execute(() -> changed(before, after));
    }

    /** The round trip a ping measured, shown until the next one. */
    void pinged(Inet6Address peer, Duration roundTrip) {
        scheduler.execute(() -> {
            if (peers.containsKey(peer)) {
                pings.put(peer, roundTrip);
                publish();
            }
        });
    }

    List<PeerView> views() {
        return views;
    }

    /** The listed peer by host label (a name in the zone starting with it, too) or ULA, as a person types it. */
    Optional<PeerView> find(String host) {
        String wanted = host.strip().toLowerCase(Locale.ROOT);
        for (PeerView view : views) {
            String label = view.peer().hostName().toLowerCase(Locale.ROOT);
            if (wanted.equals(label) || wanted.startsWith(label + ".")
                    || wanted.equals(Ipv6Text.format(view.peer().ula()))) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }

    AutotunnelSettings settings() {
        return settings;
    }

    /** Called on the packet path: only hands the address to the thread. */
    private void missing(Inet6Address destination) {
        scheduler.execute(() -> demanded(destination));
    }

    private void demanded(Inet6Address destination) {
        // The kernel's own multicast on the tunnel interface (router solicitations, MLD) is no peer's: not reported.
        if (stopped || destination.isMulticastAddress()) {
            return;
        }
        Peer peer = peers.get(destination);
        if (peer == null) {
            if (unknownReported.add(destination)) {
                log.info("A packet to {} found no SA pair and no listed host has that address: it is dropped"
                        + " (said once per address)", Ipv6Text.format(destination));
                if (unknownReported.size() > MAX_UNKNOWN_REPORTED) {
                    Iterator<Inet6Address> oldest = unknownReported.iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
            return;
        }
        key(peer, "on demand: a packet to it is waiting");
    }

    private void changed(Optional<Peer> before, Optional<Peer> after) {
        if (stopped) {
            return;
        }
        before.filter(b -> after.map(a -> !a.ula().equals(b.ula())).orElse(true)).ifPresent(b -> forget(b.ula()));
        if (after.isEmpty()) {
            publish();
            return;
        }
        Peer now = after.get();
        peers.put(now.ula(), now);
        unknownReported.remove(now.ula());
        boolean reachableAgain = now.endpoint().isPresent()
                && before.filter(b -> b.ula().equals(now.ula()) && b.endpoint().isPresent()).isEmpty();
        if (reachableAgain && settings.eager(now.hostName())) {
            cancelRetry(now.ula());
            backoffs.remove(now.ula());
            key(now, before.isPresent() ? "eagerly: its endpoint is back" : "eagerly: it is listed");
        }
        publish();
    }

    /** The peer left the directory: the key exchange deletes its SAs itself, so this only forgets it. */
    private void forget(Inet6Address ula) {
        peers.remove(ula);
        activity.remove(ula);
        pings.remove(ula);
        backoffs.remove(ula);
        cancelRetry(ula);
    }

    private void key(Peer peer, String why) {
        Inet6Address ula = peer.ula();
        if (!asked.add(ula)) {
            return;
        }
        log.info("Keying the tunnel with {} ({}) {}", peer.hostName(), Ipv6Text.format(ula), why);
        Instant started = clock.instant();
        Promise<KeyingStatus> keyed;
        try {
            keyed = keying.key(ula);
        } catch (RuntimeException e) {
            keyFailed(ula, reason(e));
            return;
        }
        keyed.onSuccess(status -> scheduler.execute(() -> keyedUp(ula, started)))
                .onFailure(failure -> scheduler.execute(() -> keyFailed(ula, reason(failure))));
        publish();
    }

    /** A failure's one-line reason, as the key exchange words it. */
    static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private void keyedUp(Inet6Address ula, Instant started) {
        asked.remove(ula);
        backoffs.remove(ula);
        Peer peer = peers.get(ula);
        if (peer != null && !stopped) {
            log.info("The tunnel with {} is up ({} ms after asking)", peer.hostName(),
                    Duration.between(started, clock.instant()).toMillis());
        }
        publish();
    }

    private void keyFailed(Inet6Address ula, String reason) {
        asked.remove(ula);
        Peer peer = peers.get(ula);
        if (peer == null || stopped) {
            return;
        }
        if (settings.eager(peer.hostName()) && !retries.containsKey(ula)) {
            Duration delay = backoffs.computeIfAbsent(ula, u -> new Backoff(RETRY_FIRST, RETRY_LONGEST, random)).next();
            retries.put(ula, scheduler.schedule(() -> {
                retries.remove(ula);
                Peer listed = peers.get(ula);
                if (listed != null && !stopped) {
                    key(listed, "eagerly: trying again");
                }
            }, delay));
            log.info("Keying with {} failed: {}; trying again in {} s", peer.hostName(), reason, delay.toSeconds());
        } else {
            log.info("Keying with {} failed: {}; the next packet to it tries again", peer.hostName(), reason);
        }
        publish();
    }

    private void cancelRetry(Inet6Address ula) {
        Scheduler.Scheduled retry = retries.remove(ula);
        if (retry != null) {
            retry.cancel();
        }
    }

    /** Samples the counters, closes idle tunnels, keys eager peers without a pair, and samples again later. */
    private void sample() {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        Map<Inet6Address, List<SaStatus>> pairs = new HashMap<>();
        for (SaStatus pair : database.list()) {
            pairs.computeIfAbsent(pair.peer(), p -> new ArrayList<>()).add(pair);
        }
        activity.keySet().removeIf(ula -> !pairs.containsKey(ula) && !peers.containsKey(ula));
        pairs.keySet().forEach(ula -> activity.computeIfAbsent(ula, u -> new PeerActivity()));
        activity.forEach((ula, seen) -> seen.observe(pairs.getOrDefault(ula, List.of()), now));
        if (!settings.idle().isZero()) {
            closeIdle(now);
        }
        for (Peer peer : List.copyOf(peers.values())) {
            if (settings.eager(peer.hostName()) && peer.endpoint().isPresent() && !pairs.containsKey(peer.ula())
                    && !retries.containsKey(peer.ula())) {
                key(peer, "eagerly: it has no SA pair");
            }
        }
        publish();
        sampling = scheduler.schedule(this::sample, SAMPLE_EVERY);
    }

    private void closeIdle(Instant now) {
        activity.forEach((ula, seen) -> {
            Peer peer = peers.get(ula);
            if (peer == null || !seen.tunnel() || seen.closeAsked() || settings.eager(peer.hostName())
                    || asked.contains(ula) || Duration.between(seen.quietSince(), now).compareTo(settings.idle()) < 0) {
                return;
            }
            seen.closing();
            if (keying.close(ula, "idle " + settings.idle().toSeconds() + " s")) {
                log.info("Closed the tunnel with {}: no packet in or out for {} s", peer.hostName(),
                        settings.idle().toSeconds());
            }
        });
    }

    private void publish() {
        List<PeerView> next = new ArrayList<>();
        for (Peer peer : peers.values()) {
            PeerActivity seen = activity.get(peer.ula());
            next.add(new PeerView(peer, settings.eager(peer.hostName()),
                    seen == null ? Optional.empty() : seen.lastIn(), seen == null ? Optional.empty() : seen.lastOut(),
                    Optional.ofNullable(pings.get(peer.ula()))));
        }
        next.sort(Comparator.comparing((PeerView v) -> v.peer().hostName()).thenComparing(v -> v.peer().ula().toString()));
        views = List.copyOf(next);
    }
}
