package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;
import io.homeward.api.netwatch.NetworkWatchReport;
import io.homeward.api.netwatch.NetworkWatchReport.InterfaceReport;

class WatchRenderTest {
    private static final NetworkWatchReport REPORT = new NetworkWatchReport("ip -o monitor link address route",
            List.of(new InterfaceReport("<wlan0>", false, List.of()),
                    new InterfaceReport("eth0", true, List.of("10.0.0.7/24", "fd00::7/64"))),
            List.of("via 10.0.0.1 dev eth0"),
            List.of(new NetworkChange(Kind.ADDRESS_ADDED, Optional.of("eth0"), "10.0.0.7/24 added on eth0",
                    Instant.parse("2026-01-01T10:00:00Z"))));

    @Test
    void thePageEscapesWhatItShows() {
        String html = WatchHtml.render(REPORT);
        assertTrue(html.contains("&lt;wlan0&gt;"), html);
        assertFalse(html.contains("<wlan0>"), html);
        assertTrue(html.contains("10.0.0.7/24 added on eth0"), html);
        assertTrue(html.contains("<td data-label=\"Addresses\">10.0.0.7/24 fd00::7/64</td>"), html);
    }

    @Test
    void theJsonHasInterfacesRoutesAndChanges() {
        assertEquals("{\"source\":\"ip -o monitor link address route\",\"interfaces\":["
                + "{\"name\":\"\\u003cwlan0>\",\"up\":false,\"addresses\":[]},"
                + "{\"name\":\"eth0\",\"up\":true,\"addresses\":[\"10.0.0.7/24\",\"fd00::7/64\"]}],"
                + "\"defaultRoutes\":[\"via 10.0.0.1 dev eth0\"],\"lastChanges\":[{\"seen\":\"2026-01-01T10:00:00Z\","
                + "\"kind\":\"ADDRESS_ADDED\",\"interface\":\"eth0\",\"detail\":\"10.0.0.7/24 added on eth0\"}]}",
                WatchJson.render(REPORT));
    }
}
