package io.homeward.autotunnel.internal;

import static io.homeward.autotunnel.internal.AutotunnelTest.HOME;
import static io.homeward.autotunnel.internal.AutotunnelTest.HOME_AT;
import static io.homeward.autotunnel.internal.AutotunnelTest.NAS;
import static io.homeward.autotunnel.internal.AutotunnelTest.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.homeward.api.keying.ReachabilityReport;
import io.homeward.testkit.MutableClock;

class ReachReportTest {
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final AutotunnelSettings SETTINGS = AutotunnelSettings.of(KeyingMode.ON_DEMAND,
            new String[] {"nas"}, 600);

    private static ReachReport report() {
        PeerView home = new PeerView(peer("home", HOME, Optional.of(HOME_AT)), false,
                Optional.of(T0.plusSeconds(50)), Optional.of(T0.plusSeconds(55)), Optional.of(Duration.ofMillis(9)));
        PeerView nas = new PeerView(peer("nas<b>", NAS, Optional.empty()), true, Optional.empty(),
                Optional.empty(), Optional.empty());
        KeyingStatus homeUp = new KeyingStatus(HOME, "home", KeyingState.UP, T0, Optional.of(HOME_AT),
                Optional.of(Duration.ofNanos(2_100_000)), true, "");
        KeyingStatus nasFailed = new KeyingStatus(NAS, "nas", KeyingState.FAILED, T0.plusSeconds(30),
                Optional.empty(), Optional.empty(), true, "nas has no endpoint");
        return ReachReport.of(T0.plusSeconds(60), Optional.of(new PublicEndpoint(
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
        ReachReport report = ReachReport.of(T0, Optional.empty(), SETTINGS, List.of(home), List.of());

        assertEquals("home (fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c): no tunnel; last packet in never, out never; round"
                + " trip 9.0 ms; at 11.0.0.2:4500, learned by dns-push; keyed on demand",
                report.line(report.peers().get(0)));
        assertTrue(report.text().startsWith("Reachability: this host at not known yet;"), report.text());
    }

    @Test
    void theConsoleReadsTheSameAsTheTypedReport() {
        ReachReport report = report();
        ReachabilityReport typed = report.typed();

        assertEquals(T0.plusSeconds(60), typed.at());
        assertEquals("on demand (eager for nas), idle tunnels close after 600 s", typed.policy());
        assertEquals("ON_DEMAND", typed.mode());
        assertEquals(List.of("nas"), typed.eagerHosts());
        assertEquals(Duration.ofSeconds(600), typed.idle());
        assertEquals(report.peers(), typed.peers());
        assertEquals("tunnel up since 2026-01-01T00:00:00Z (60 s ago)", typed.peers().get(0).tunnel(typed.at()));
    }
}
