package io.homeward.autotunnel.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.homeward.kit.text.DnsLabel;

/**
 * The autotunnel's configuration, checked.
 *
 * @param mode       when peers are keyed
 * @param eagerHosts host labels keyed eagerly in on-demand mode too, in lower case
 * @param idle       how long a tunnel may carry no packet before it is closed; zero never closes one
 */
record AutotunnelSettings(KeyingMode mode, Set<String> eagerHosts, Duration idle) {
    /** A week: a longer idle time is a typo, not an intent (0 says "never"). */
    static final long MAX_IDLE_SECONDS = 7 * 24 * 3600;

    AutotunnelSettings {
        eagerHosts = Set.copyOf(eagerHosts);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong */
    static AutotunnelSettings of(KeyingMode mode, String[] eagerHosts, long idleSeconds) {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be ON_DEMAND or EAGER");
        }
        if (idleSeconds < 0 || idleSeconds > MAX_IDLE_SECONDS) {
            throw new IllegalArgumentException("idleSeconds must be 0 (never close) to " + MAX_IDLE_SECONDS
                    + ", got " + idleSeconds);
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : eagerHosts == null ? new String[0] : eagerHosts) {
            String label = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
            if (label.isEmpty()) {
                continue;
            }
            DnsLabel.problem(label).ifPresent(problem -> {
                throw new IllegalArgumentException("eagerHosts: '" + host + "' is not a host label: " + problem);
            });
            hosts.add(label);
        }
        return new AutotunnelSettings(mode, hosts, Duration.ofSeconds(idleSeconds));
    }

    boolean eager(String hostName) {
        return mode == KeyingMode.EAGER || eagerHosts.contains(hostName.toLowerCase(Locale.ROOT));
    }

    /** In words, for the report: "on demand (eager for nas), idle tunnels close after 600 s". */
    String text() {
        String keying = mode == KeyingMode.EAGER ? "eager"
                : eagerHosts.isEmpty() ? "on demand" : "on demand (eager for " + String.join(", ", eagerHosts) + ")";
        return keying + ", " + (idle.isZero() ? "idle tunnels stay open"
                : "idle tunnels close after " + idle.toSeconds() + " s");
    }
}
