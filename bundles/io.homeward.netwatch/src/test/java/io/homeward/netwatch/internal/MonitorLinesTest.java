package io.homeward.netwatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

/** Lines recorded from {@code ip -o monitor link address route} (iproute2 6.1) while a veth pair was set up and torn down. */
class MonitorLinesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Optional<NetworkChange> parse(String line) {
        return MonitorLines.parse(line, NOW);
    }

    @Test
    void anAddressLineIsAnAddressAddedOnItsInterface() {
        NetworkChange c = parse("3: v0    inet 10.9.0.2/24 scope global v0\\       valid_lft forever preferred_lft forever")
                .orElseThrow();
        assertEquals(Kind.ADDRESS_ADDED, c.kind());
        assertEquals(Optional.of("v0"), c.interfaceName());
        assertEquals("10.9.0.2/24 added on v0", c.detail());
        assertEquals(NOW, c.seen());
    }

    @Test
    void aDeletedIpv6AddressIsRemoved() {
        NetworkChange c = parse("Deleted 3: v0    inet6 fd00::2/64 scope global nodad \\       valid_lft forever"
                + " preferred_lft forever").orElseThrow();
        assertEquals(Kind.ADDRESS_REMOVED, c.kind());
        assertEquals("fd00::2/64 removed from v0", c.detail());
    }

    @Test
    void aLinkWithUpAndLowerUpIsUpAndOneWithoutCarrierIsDown() {
        NetworkChange up = parse("3: v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group"
                + " default \\    link/ether e6:2f:e3:24:f7:f7 brd ff:ff:ff:ff:ff:ff").orElseThrow();
        assertEquals(Kind.LINK_UP, up.kind());
        assertEquals(Optional.of("v0"), up.interfaceName());
        NetworkChange noCarrier = parse("2: v1@v0: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue"
                + " state LOWERLAYERDOWN group default \\    link/ether ea:50:56:a2:11:15 brd ff:ff:ff:ff:ff:ff")
                .orElseThrow();
        assertEquals(Kind.LINK_DOWN, noCarrier.kind());
        assertEquals(Optional.of("v1"), noCarrier.interfaceName());
    }

    @Test
    void aDeletedLinkIsGone() {
        NetworkChange c = parse("Deleted 3: v0@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default"
                + " \\    link/ether e6:2f:e3:24:f7:f7 brd ff:ff:ff:ff:ff:ff").orElseThrow();
        assertEquals(Kind.LINK_DOWN, c.kind());
        assertEquals("v0 is gone", c.detail());
    }

    @Test
    void defaultRoutesCountAndOtherRoutesDoNot() {
        NetworkChange added = parse("default via 10.9.0.1 dev v0 ").orElseThrow();
        assertEquals(Kind.DEFAULT_ROUTE_CHANGED, added.kind());
        assertEquals(Optional.of("v0"), added.interfaceName());
        NetworkChange removed = parse("Deleted default via 10.9.0.3 dev v0 ").orElseThrow();
        assertEquals("default route removed: default via 10.9.0.3 dev v0", removed.detail());
        assertTrue(parse("10.9.0.0/24 dev v0 proto kernel scope link src 10.9.0.2 ").isEmpty());
        assertTrue(parse("Deleted local fd00::2 dev v0 table local proto kernel metric 0 pref medium").isEmpty());
        assertTrue(parse("multicast ff00::/8 dev v0 table local proto kernel metric 256 pref medium").isEmpty());
    }

    @Test
    void aWholeRecordedSessionGivesTheExpectedSequenceOfKinds() throws IOException {
        List<Kind> kinds = recorded().stream().map(MonitorLinesTest::parse).flatMap(Optional::stream)
                .map(NetworkChange::kind).toList();
        assertEquals(List.of(Kind.LINK_DOWN, Kind.LINK_DOWN, Kind.LINK_DOWN, Kind.LINK_DOWN, Kind.LINK_UP,
                Kind.LINK_UP, Kind.ADDRESS_ADDED, Kind.ADDRESS_ADDED, Kind.DEFAULT_ROUTE_CHANGED,
                Kind.DEFAULT_ROUTE_CHANGED, Kind.DEFAULT_ROUTE_CHANGED, Kind.ADDRESS_REMOVED, Kind.LINK_DOWN,
                Kind.ADDRESS_REMOVED, Kind.ADDRESS_REMOVED, Kind.LINK_DOWN, Kind.LINK_DOWN, Kind.ADDRESS_REMOVED,
                Kind.LINK_DOWN, Kind.LINK_DOWN), kinds);
    }

    private static List<String> recorded() throws IOException {
        try (InputStream in = MonitorLinesTest.class.getResourceAsStream("ip-monitor-veth.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
