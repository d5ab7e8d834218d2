package io.homeward.autotunnel.internal;

import static io.homeward.autotunnel.internal.AutotunnelTest.HOME;
import static io.homeward.autotunnel.internal.AutotunnelTest.HOME_AT;
import static io.homeward.autotunnel.internal.AutotunnelTest.NAS;
import static io.homeward.autotunnel.internal.AutotunnelTest.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.homeward.api.keying.KeyingStatus;
import io.homeward.testkit.MutableClock;

class ReachabilityReportTest {
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final AutotunnelSettings SETTINGS = AutotunnelSettings.of(KeyingMode.ON_DEMAND,
            new String[] {"nas"}, 600);

    private static ReachabilityReport report() {
        PeerView home = new PeerView(peer("home", HOME, Optional.of(HOME_AT)), false,
                Optional.of(T0.plusSeconds(50)), Optional.of(T0.plusSeconds(55)), Optional.of(Duration.ofMillis(9)));
        PeerView nas = new PeerView(peer("nas<b>", NAS, Optional.empty()), true, Optional.empty(),
                Optional.empty(), Optional.empty());
        KeyingStatus homeUp = new KeyingStatus(HOME, "home", KeyingState.UP, T0, Optional.of(HOME_AT),
                Optional.of(Duration.ofNanos(2_100_000)), true, "");
        KeyingStatus nasFailed = new KeyingStatus(NAS, "nas", KeyingState.FAILED, T0.plusSeconds(30),
                Optional.empty(), Optional.empty(), true, "nas has no endpoint");
        return ReachabilityReport.of(T0.plusSeconds(60), Optional.of(new PublicEndpoint(
                new InetSocketAddress("11.0.0.3", 4500), EndpointSource.STUN)), SETTINGS, List.of(home, nas),
                List.of(homeUp, nasFailed));
    }

    @Test
    void onePlainLinePerPeer() {
        assertEquals("""
                Reachability: this host at 11.0.0.3:4500 (stun); on demand (eager for nas), idle tunnels close after \
                600 s; packet times to 5 s
                  home (fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c): tunnel up since 2026-01-01T00:00:00Z (60 s ago); last \
                packet in 10 s ago, out 5 s ago; round trip 2.1 ms; at 11.0.0.2:4500, learned by dns-push; keyed on demand
                  nas<b> (fd3c:9a51:e27d:b44::2): keying failed since 2026-01-01T00:00:30Z (30 s ago): nas has no \
                endpoint; last packet in never, out never; at no endpoint; keyed eagerly
                """, report().text());
    }

    @Test
    void theLastPingStandsInForARoundTripTheKeyExchangeDidNotMeasure() {
        PeerView home = new PeerView(peer("home", HOME, Optional.of(HOME_AT)), false, Optional.empty(),
                Optional.empty(), Optional.of(Duration.ofMillis(9)));
        ReachabilityReport report = ReachabilityReport.of(T0, Optional.empty(), SETTINGS, List.of(home), List.of());

        assertEquals("home (fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c): no tunnel; last packet in never, out never; round"
                + " trip 9.0 ms; at 11.0.0.2:4500, learned by dns-push; keyed on demand",
                report.line(report.peers().get(0)));
        assertTrue(report.text().startsWith("Reachability: this host at not known yet;"), report.text());
    }

    @Test
    void theJsonHasEveryFieldAndEscapesNames() {
        String json = ReachabilityJson.render(report());

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
    void theHtmlEscapesAndOffersAPingFormPerPeer() {
        String html = ReachabilityHtml.render(report(), new Pinger.Outcome(false, List.of("nas<b> is not <i>")));

        assertTrue(html.contains("<pre id=\"ping\" class=\"ui-state-error\" role=\"status\">nas&lt;b&gt; is not"
                + " &lt;i&gt;</pre>"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"ping\">"
                + "<input type=\"hidden\" name=\"host\" value=\"home\"><button type=\"submit\">Ping home</button>"
                + "</form>"), html);
        assertTrue(html.contains("value=\"nas&lt;b&gt;\""), html);
    }
}
