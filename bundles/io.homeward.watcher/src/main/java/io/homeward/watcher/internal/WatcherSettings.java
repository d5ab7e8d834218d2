package io.homeward.watcher.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.dns.Fingerprints;

/** The validated configuration; every problem is reported with what to fix. */
record WatcherSettings(InetSocketAddress server, String fingerprint, long pollIntervalMillis,
        long requestedLeaseSeconds, List<WatchMechanism> mechanisms, boolean allowUdp) {

    WatcherSettings {
        mechanisms = List.copyOf(mechanisms);
    }

    /** These settings, pinning the certificate sign-in proved the key against unless tlsFingerprint is configured. */
    WatcherSettings pinnedBy(String signInFingerprint) {
        if (!fingerprint.isEmpty() || signInFingerprint.isBlank()) {
            return this;
        }
        return new WatcherSettings(server, Fingerprints.normalize(signInFingerprint), pollIntervalMillis,
                requestedLeaseSeconds, mechanisms, allowUdp);
    }

    static WatcherSettings of(String server, String fingerprint, int pollIntervalSeconds, int requestedLeaseSeconds,
            String[] mechanisms, boolean allowUdp) {
        if (pollIntervalSeconds < 1) {
            throw new IllegalArgumentException("pollInterval must be at least 1 second, got " + pollIntervalSeconds);
        }
        if (requestedLeaseSeconds < 1) {
            throw new IllegalArgumentException("requestedLease must be at least 1 second, got "
                    + requestedLeaseSeconds);
        }
        List<WatchMechanism> order = new ArrayList<>();
        for (String mechanism : mechanisms) {
            WatchMechanism named = Mechanisms.named(mechanism.trim().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new IllegalArgumentException("unknown mechanism '" + mechanism
                            + "' in mechanisms; use some of " + Mechanisms.ALL));
            if (!order.contains(named)) {
                order.add(named);
            }
        }
        if (order.isEmpty()) {
            throw new IllegalArgumentException("mechanisms is empty; list at least one of " + Mechanisms.ALL);
        }
        return new WatcherSettings(hostAndPort(server), Fingerprints.normalize(fingerprint),
                pollIntervalSeconds * 1000L, requestedLeaseSeconds, order, allowUdp);
    }

    /** {@code host:port} or {@code [v6]:port}. */
    static InetSocketAddress hostAndPort(String text) {
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("server must be host:port (IPv6 as [address]:port), got '" + text + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server has a port that is not a number: '" + text + "'", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port must be 1..65535, got " + port);
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
