package io.homeward.registrar.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.homeward.kit.dns.Fingerprints;

/**
 * The registrar's configuration, checked. A value that does not parse is reported in {@link #problems()}
 * and the registrar refuses to publish until it is fixed, rather than guessing.
 */
record RegistrarSettings(Optional<InetSocketAddress> server, InetSocketAddress dnsServer, String pin, Duration lease,
        Duration timeout, List<String> problems) {
    /**
     * RFC 9664 §4.2 asks for at least 30 min, which is the default's order; down to 30 s is allowed so a lab can
     * watch a vanished host's records expire. Past 2 h a vanished host lingers too long.
     */
    static final Duration SHORTEST_LEASE = Duration.ofSeconds(30);
    static final Duration LONGEST_LEASE = Duration.ofHours(2);
    private static final InetSocketAddress DEFAULT_DNS = new InetSocketAddress("127.0.0.1", 8053);

    static RegistrarSettings parse(String server, String dnsServer, String pin, int leaseSeconds, int timeoutSeconds) {
        List<String> problems = new ArrayList<>();
        Optional<InetSocketAddress> fixed = Optional.empty();
        if (!server.isBlank()) {
            fixed = endpoint("server", server, problems);
        }
        InetSocketAddress dns = endpoint("dnsServer", dnsServer, problems).orElse(DEFAULT_DNS);
        String normalPin = "";
        try {
            normalPin = Fingerprints.normalize(pin);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return new RegistrarSettings(fixed, dns, normalPin, clampLease(Duration.ofSeconds(leaseSeconds)),
                Duration.ofSeconds(Math.max(1, timeoutSeconds)), List.copyOf(problems));
    }

    static Duration clampLease(Duration asked) {
        if (asked.compareTo(SHORTEST_LEASE) < 0) {
            return SHORTEST_LEASE;
        }
        return asked.compareTo(LONGEST_LEASE) > 0 ? LONGEST_LEASE : asked;
    }

    /** {@code host:port}, an IPv6 address as {@code [address]:port}; names are not resolved here. */
    private static Optional<InetSocketAddress> endpoint(String key, String text, List<String> problems) {
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            problems.add(key + " must be address:port (IPv6 as [address]:port), got '" + text + "'");
            return Optional.empty();
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return Optional.of(new InetSocketAddress(host, port));
        } catch (NumberFormatException e) {
            problems.add(key + " has no valid port (1..65535): '" + text + "'");
            return Optional.empty();
        }
    }
}
