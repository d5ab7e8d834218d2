package io.homeward.netwatch.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The snapshot from the JDK's view of the interfaces, their operational state under {@code /sys/class/net}
 * and the kernel's route tables under {@code /proc}.
 */
final class SystemSnapshotSource implements SnapshotSource {
    /** RFC 2863 operational states that carry no traffic, as the kernel names them in {@code operstate}. */
    private static final Set<String> NOT_OPERATIONAL = Set.of("down", "lowerlayerdown", "notpresent", "dormant");

    private final Path ipv4Routes;
    private final Path ipv6Routes;
    private final Path interfaceStates;

    SystemSnapshotSource() {
        this(Path.of("/proc/net/route"), Path.of("/proc/net/ipv6_route"), Path.of("/sys/class/net"));
    }

    SystemSnapshotSource(Path ipv4Routes, Path ipv6Routes, Path interfaceStates) {
        this.ipv4Routes = ipv4Routes;
        this.ipv6Routes = ipv6Routes;
        this.interfaceStates = interfaceStates;
    }

    @Override
    public NetworkSnapshot take() throws IOException {
        TreeMap<String, InterfaceState> interfaces = new TreeMap<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            interfaces.put(ni.getName(), state(ni));
        }
        List<String> routes = new ArrayList<>(DefaultRoutes.ipv4(lines(ipv4Routes)));
        routes.addAll(DefaultRoutes.ipv6(lines(ipv6Routes)));
        return new NetworkSnapshot(interfaces, routes);
    }

    private InterfaceState state(NetworkInterface ni) throws IOException {
        TreeSet<String> addresses = new TreeSet<>();
        for (InterfaceAddress a : ni.getInterfaceAddresses()) {
            if (a.getAddress() instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
                continue;
            }
            addresses.add(AddressText.of(a.getAddress()) + "/" + a.getNetworkPrefixLength());
        }
        return new InterfaceState(ni.getName(), ni.isUp() && operational(ni.getName()), addresses);
    }

    /**
     * The JDK's isUp() is only the administrative flag: a cable pulled or a veth whose peer is down still
     * counts as up there. Loopback and tunnels say "unknown", which is up; no file means no opinion.
     */
    private boolean operational(String name) throws IOException {
        Path state = interfaceStates.resolve(name).resolve("operstate");
        return !Files.isReadable(state) || !NOT_OPERATIONAL.contains(Files.readString(state).trim());
    }

    /** A host without IPv6 has no ipv6_route file: that is no routes, not an error. */
    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
