package io.homeward.api.netwatch;

import java.util.List;

/**
 * The host's network as the watcher last confirmed it, and its latest changes.
 *
 * @param source        how changes are noticed right now, for example the monitor command or "polling every 1000 ms"
 * @param interfaces    every interface, by name
 * @param defaultRoutes each as {@code via <gateway> dev <interface>} (IPv4 first, then IPv6)
 * @param lastChanges   the notifications of the latest burst (each carries its time), empty before the first
 * @since 1.1
 */
public record NetworkWatchReport(String source, List<InterfaceReport> interfaces, List<String> defaultRoutes,
        List<NetworkChange> lastChanges) {
    public NetworkWatchReport {
        interfaces = List.copyOf(interfaces);
        defaultRoutes = List.copyOf(defaultRoutes);
        lastChanges = List.copyOf(lastChanges);
    }

    /**
     * One interface.
     *
     * @param name      the interface name, for example {@code eth0}
     * @param up        whether it is up and carries traffic (administratively up, with carrier)
     * @param addresses its addresses as {@code address/prefix}, sorted, IPv6 link-local ones left out
     * @since 1.1
     */
    public record InterfaceReport(String name, boolean up, List<String> addresses) {
        public InterfaceReport {
            addresses = List.copyOf(addresses);
        }
    }
}
