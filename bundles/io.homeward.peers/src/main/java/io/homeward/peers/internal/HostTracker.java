package io.homeward.peers.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Optional;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Type;

import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.schedule.Scheduler;

/**
 * Follows one of the user's other hosts as its records chain (docs/architecture.md, "Records a host
 * publishes"): the AAAA at {@code <host>.<zone>} (its ULA), the SRV at {@code _autotunnel._udp.<host>.<zone>}
 * (public port and target) and the A at that target (public address). Logic thread only.
 */
final class HostTracker implements AutoCloseable {
    private final RecordWatcher watcher;
    private final Scheduler logic;
    private final Runnable changed;
    private final Logger log;
    private final LatestValues<Inet6Address> ulas = new LatestValues<>(RecordText::ipv6);
    private final LatestValues<SrvTarget> services = new LatestValues<>(RecordText::srv);
    private final LatestValues<Inet4Address> addresses = new LatestValues<>(RecordText::ipv4);
    private final Watch ulaWatch;
    private final Watch serviceWatch;
    private Watch addressWatch;
    private String target = "";
    private String source = WatchMechanism.NONE.text();

    HostTracker(String host, String zone, RecordWatcher watcher, Scheduler logic, Runnable changed, Logger log) {
        this.watcher = watcher;
        this.logic = logic;
        this.changed = changed;
        this.log = log;
        this.ulaWatch = Watch.open(watcher, host + "." + zone, Type.AAAA, logic, this::ulaChanged, log);
        this.serviceWatch = Watch.open(watcher, "_autotunnel._udp." + host + "." + zone, Type.SRV, logic,
                this::serviceChanged, log);
    }

    /** Empty while the host has no ULA: without one it cannot be a peer. */
    Optional<Observed> observed() {
        Optional<InetSocketAddress> endpoint = services.latest().filter(s -> !s.target().isEmpty())
                .flatMap(s -> addresses.latest().map(a -> new InetSocketAddress(a, s.port())));
        return ulas.latest().map(ula -> new Observed(ula, endpoint, source));
    }

    @Override
    public void close() {
        closeQuietly(ulaWatch);
        closeQuietly(serviceWatch);
        closeQuietly(addressWatch);
        addressWatch = null;
    }

    private void ulaChanged(WatchedRecord record, boolean added, WatchMechanism mechanism) {
        if (ulas.apply(record, added, log)) {
            noteChange(mechanism);
        }
    }

    private void serviceChanged(WatchedRecord record, boolean added, WatchMechanism mechanism) {
        if (services.apply(record, added, log)) {
            retarget();
            noteChange(mechanism);
        }
    }

    private void addressChanged(WatchedRecord record, boolean added, WatchMechanism mechanism) {
        if (addresses.apply(record, added, log)) {
            noteChange(mechanism);
        }
    }

    /** The SRV now names another target (or none): watch the new target's A instead of the old one's. */
    private void retarget() {
        String next = services.latest().map(SrvTarget::target).orElse("");
        if (next.equals(target)) {
            return;
        }
        closeQuietly(addressWatch);
        addresses.clear();
        target = next;
        addressWatch = next.isEmpty() ? null : Watch.open(watcher, next, Type.A, logic, this::addressChanged, log);
    }

    private void noteChange(WatchMechanism mechanism) {
        source = mechanism.text();
        changed.run();
    }

    private void closeQuietly(Watch watch) {
        if (watch == null) {
            return;
        }
        try {
            watch.close();
        } catch (RuntimeException e) {
            log.warn("Closing the watch of {} failed: {}", watch.name(), e.toString());
        }
    }
}
