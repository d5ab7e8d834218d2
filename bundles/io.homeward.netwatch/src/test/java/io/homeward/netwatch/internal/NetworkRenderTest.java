package io.homeward.netwatch.internal;

import static io.homeward.netwatch.internal.Snapshots.down;
import static io.homeward.netwatch.internal.Snapshots.of;
import static io.homeward.netwatch.internal.Snapshots.up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

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
    void thePageEscapesWhatItShows() {
        String html = NetworkHtml.render(STATUS);
        assertTrue(html.contains("&lt;wlan0&gt;"), html);
        assertFalse(html.contains("<wlan0>"), html);
        assertTrue(html.contains("10.0.0.7/24 added on eth0"), html);
    }

    @Test
    void theJsonHasInterfacesRoutesAndChanges() {
        assertEquals("{\"source\":\"ip -o monitor link address route\",\"interfaces\":["
                + "{\"name\":\"\\u003cwlan0>\",\"up\":false,\"addresses\":[]},"
                + "{\"name\":\"eth0\",\"up\":true,\"addresses\":[\"10.0.0.7/24\",\"fd00::7/64\"]}],"
                + "\"defaultRoutes\":[\"via 10.0.0.1 dev eth0\"],\"lastChanges\":[{\"seen\":\"2026-01-01T10:00:00Z\","
                + "\"kind\":\"ADDRESS_ADDED\",\"interface\":\"eth0\",\"detail\":\"10.0.0.7/24 added on eth0\"}]}",
                NetworkJson.render(STATUS));
    }
}
