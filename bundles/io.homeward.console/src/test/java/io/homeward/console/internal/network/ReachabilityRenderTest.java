package io.homeward.console.internal.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.PeerReachability;
import io.homeward.api.keying.ReachabilityReport;

class ReachabilityRenderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ReachabilityReport REPORT = new ReachabilityReport(T0.plusSeconds(60),
            Optional.of(new PublicEndpoint(new InetSocketAddress("11.0.0.3", 4500), EndpointSource.STUN)),
            "on demand (eager for nas), idle tunnels close after 600 s", "ON_DEMAND", List.of("nas"),
            Duration.ofSeconds(600), Duration.ofSeconds(5), List.of(
                    new PeerReachability("home", "fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c", KeyingState.UP, Optional.of(T0),
                            "", Optional.of(T0.plusSeconds(50)), Optional.of(T0.plusSeconds(55)),
                            Optional.of(Duration.ofNanos(2_100_000)),
                            Optional.of(new InetSocketAddress("11.0.0.2", 4500)), "dns-push", false),
                    new PeerReachability("nas<b>", "fd3c:9a51:e27d:b44::2", KeyingState.FAILED,
                            Optional.of(T0.plusSeconds(30)), "nas has no endpoint", Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), "", true)));

    @Test
    void theJsonHasEveryFieldAndEscapesNames() {
        String json = ReachabilityJson.render(REPORT);

        assertTrue(json.startsWith("{\"at\":\"2026-01-01T00:01:00Z\",\"self\":{\"endpoint\":\"11.0.0.3:4500\","
                + "\"source\":\"stun\"},\"mode\":\"ON_DEMAND\",\"eagerHosts\":[\"nas\"],\"idleSeconds\":600,"
                + "\"sampleSeconds\":5,\"peers\":["), json);
        assertTrue(json.contains("{\"host\":\"home\",\"ula\":\"fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c\",\"state\":\"UP\","
                + "\"since\":\"2026-01-01T00:00:00Z\",\"detail\":\"\",\"lastIn\":\"2026-01-01T00:00:50Z\",\"lastOut\":"
                + "\"2026-01-01T00:00:55Z\",\"roundTripMillis\":2.1,\"endpoint\":\"11.0.0.2:4500\",\"learned\":"
                + "\"dns-push\",\"eager\":false}"), json);
        assertTrue(json.contains("\"host\":\"nas\\u003cb>\""), json);
        assertTrue(json.contains("\"endpoint\":null"), json);
    }

    @Test
    void theHtmlEscapesShowsEachTunnelAndLeadsToThePingOfTheMachinesPage() {
        String html = ReachabilityHtml.render(REPORT, "/system/console/homeward-machines");

        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<td data-label=\"Host\">nas&lt;b&gt;</td>"), html);
        assertTrue(html.contains("<td data-label=\"Tunnel\">tunnel up since 2026-01-01T00:00:00Z (60 s ago)</td>"
                + "<td data-label=\"Last packet in\">10 s ago</td><td data-label=\"Last packet out\">5 s ago</td>"
                + "<td data-label=\"Round trip\">2.1 ms</td>"), html);
        assertTrue(html.contains("keying failed since 2026-01-01T00:00:30Z (30 s ago): nas has no endpoint"), html);
        assertTrue(html.contains("<p>This host at 11.0.0.3:4500 (stun); on demand (eager for nas), idle tunnels close"
                + " after 600 s; packet times to 5 s. <a href=\"/system/console/homeward-machines\">Ping a machine</a>"),
                html);
    }
}
