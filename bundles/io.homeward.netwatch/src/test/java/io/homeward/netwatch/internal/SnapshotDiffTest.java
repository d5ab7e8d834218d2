package io.homeward.netwatch.internal;

import static io.homeward.netwatch.internal.Snapshots.down;
import static io.homeward.netwatch.internal.Snapshots.of;
import static io.homeward.netwatch.internal.Snapshots.up;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

class SnapshotDiffTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> ROUTE = List.of("via 10.0.0.1 dev eth0");

    @Test
    void equalSnapshotsHaveNoChanges() {
        NetworkSnapshot s = of(ROUTE, up("eth0", "10.0.0.2/24"));
        assertEquals(List.of(), SnapshotDiff.between(s, of(ROUTE, up("eth0", "10.0.0.2/24")), NOW));
    }

    @Test
    void aNewAddressAndAGoneAddressAreReportedOnTheirInterface() {
        List<NetworkChange> changes = SnapshotDiff.between(of(ROUTE, up("eth0", "10.0.0.2/24")),
                of(ROUTE, up("eth0", "10.0.0.3/24")), NOW);
        assertEquals(List.of(
                new NetworkChange(Kind.ADDRESS_ADDED, Optional.of("eth0"), "10.0.0.3/24 added on eth0", NOW),
                new NetworkChange(Kind.ADDRESS_REMOVED, Optional.of("eth0"), "10.0.0.2/24 removed from eth0", NOW)),
                changes);
    }

    @Test
    void anInterfaceGoingDownAndOneAppearingUp() {
        List<NetworkChange> changes = SnapshotDiff.between(of(ROUTE, up("eth0")),
                of(ROUTE, down("eth0"), up("wlan0")), NOW);
        assertEquals(List.of(Kind.LINK_DOWN, Kind.LINK_UP), changes.stream().map(NetworkChange::kind).toList());
        assertEquals("eth0 is down", changes.get(0).detail());
        assertEquals(Optional.of("wlan0"), changes.get(1).interfaceName());
    }

    @Test
    void aVanishedInterfaceIsGoneWithItsAddresses() {
        List<NetworkChange> changes = SnapshotDiff.between(of(ROUTE, up("eth0", "10.0.0.2/24")), of(List.of()), NOW);
        assertEquals(List.of("eth0 is gone", "10.0.0.2/24 removed from eth0", "default route none (was via 10.0.0.1 dev eth0)"),
                changes.stream().map(NetworkChange::detail).toList());
    }

    @Test
    void aNewGatewayIsADefaultRouteChangeOnTheNewInterface() {
        List<NetworkChange> changes = SnapshotDiff.between(of(ROUTE, up("eth0"), up("wlan0")),
                of(List.of("via 192.168.1.1 dev wlan0"), up("eth0"), up("wlan0")), NOW);
        assertEquals(List.of(new NetworkChange(Kind.DEFAULT_ROUTE_CHANGED, Optional.of("wlan0"),
                "default route via 192.168.1.1 dev wlan0 (was via 10.0.0.1 dev eth0)", NOW)), changes);
    }
}
