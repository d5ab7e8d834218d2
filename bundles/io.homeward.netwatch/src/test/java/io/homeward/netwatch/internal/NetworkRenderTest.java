package io.homeward.netwatch.internal;

import static io.homeward.netwatch.internal.Snapshots.down;
import static io.homeward.netwatch.internal.Snapshots.of;
import static io.homeward.netwatch.internal.Snapshots.up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;
import io.homeward.api.netwatch.NetworkWatchReport;

class NetworkRenderTest {
    private static final NetworkStatus STATUS = new NetworkStatus(
            of(List.of("via 10.0.0.1 dev eth0"), up("eth0", "10.0.0.7/24", "fd00::7/64"), down("<wlan0>")),
            List.of(new NetworkChange(Kind.ADDRESS_ADDED, Optional.of("eth0"), "10.0.0.7/24 added on eth0",
                    Instant.parse("2026-01-01T10:00:00Z"))),
            "ip -o monitor link address route");

    @Test
    void theShellShowsInterfacesRouteLastChangeWithItsTimeAndTheSource() {
        String text = NetworkText.render(STATUS);
        assertTrue(text.contains("Event source: ip -o monitor link address route"), text);
        assertTrue(text.contains("eth0 up  10.0.0.7/24 fd00::7/64"), text);
        assertTrue(text.contains("<wlan0> down  (no addresses)"), text);
        assertTrue(text.contains("Default route: via 10.0.0.1 dev eth0"), text);
        assertTrue(text.contains("2026-01-01T10:00:00Z ADDRESS_ADDED: 10.0.0.7/24 added on eth0"), text);
    }

    @Test
    void beforeAnyChangeTheShellSaysSo() {
        String text = NetworkText.render(new NetworkStatus(NetworkSnapshot.EMPTY, List.of(), "starting"));
        assertTrue(text.contains("Last change: none since start"), text);
        assertTrue(text.contains("Default route: none"), text);
    }

    @Test
    void theConsoleReadsTheSameAsTheTypedReport() {
        NetworkWatchReport report = STATUS.report();
        assertEquals("ip -o monitor link address route", report.source());
        assertEquals(List.of(new NetworkWatchReport.InterfaceReport("<wlan0>", false, List.of()),
                new NetworkWatchReport.InterfaceReport("eth0", true, List.of("10.0.0.7/24", "fd00::7/64"))),
                report.interfaces());
        assertEquals(List.of("via 10.0.0.1 dev eth0"), report.defaultRoutes());
        assertEquals(STATUS.lastChanges(), report.lastChanges());
    }
}
