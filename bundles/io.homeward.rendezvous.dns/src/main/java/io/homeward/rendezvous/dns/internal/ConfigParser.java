package io.homeward.rendezvous.dns.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

import io.homeward.rendezvous.dns.internal.watch.WatchSettings;

/** Turns the component's configuration into {@link ServerSettings}, with messages an operator can act on. */
final class ConfigParser {

    private ConfigParser() {
    }

    static ServerSettings settings(DnsServerConfig config) {
        Name domain = absolute(config.domain());
        Name nameServer = config.nameServer().isBlank() ? prefixed("ns", domain) : absolute(config.nameServer());
        Name hostmaster = config.hostmaster().isBlank()
                ? prefixed("hostmaster", domain)
                : absolute(config.hostmaster());
        // Blank entries are skipped: a metatype form saves an empty list as one empty string.
        List<InetAddress> addresses = new ArrayList<>();
        for (String address : config.nameServerAddresses()) {
            if (!address.isBlank()) {
                addresses.add(literalAddress(address.trim()));
            }
        }
        List<InetSocketAddress> secondaries = new ArrayList<>();
        for (String secondary : config.secondaries()) {
            if (!secondary.isBlank()) {
                secondaries.add(hostPort(secondary.trim()));
            }
        }
        return new ServerSettings(domain, nameServer, addresses, hostmaster, config.tlsPort(), config.estPort(),
                config.ednsPayloadSize(), config.negativeTtl(), config.leaseMinSeconds(), config.leaseMaxSeconds(),
                config.updatesPerSecond(), config.updateBurst(), secondaries, config.journalCompactionBytes(),
                config.zoneRecordQuota(), config.keyUpdatesPerSecond(), config.keyUpdateBurst());
    }

    static WatchSettings watchSettings(DnsServerConfig config) {
        return new WatchSettings(config.llqLeaseMinSeconds(), config.llqLeaseMaxSeconds(), config.llqPerClient(),
                config.llqTotal(), config.pushSubscriptionsPerSession(), config.pushSubscriptionsTotal(),
                Duration.ofSeconds(config.pushInactivitySeconds()), Duration.ofSeconds(config.pushKeepaliveSeconds()),
                Duration.ofSeconds(config.watchRetryDelaySeconds()));
    }

    static Name absolute(String name) {
        try {
            return Name.fromString(name.trim(), Name.root).canonicalize();
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a DNS name: " + e.getMessage(), e);
        }
    }

    private static Name prefixed(String label, Name domain) {
        return absolute(label + "." + domain);
    }

    /** Only literal addresses: resolving a name here would make activation depend on the network. */
    private static InetAddress literalAddress(String text) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not a literal IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not a literal IPv4 or IPv6 address", e);
        }
    }

    static InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("secondary '" + text + "' is not host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("secondary '" + text + "' has no numeric port", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("secondary '" + text + "' has a port outside 1..65535");
        }
        return new InetSocketAddress(literalAddress(host), port);
    }
}
