package io.homeward.netwatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

class ChangeCollapserTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusMillis(200);

    private static NetworkChange change(Kind kind, String name, String detail) {
        return new NetworkChange(kind, Optional.ofNullable(name), detail, T0);
    }

    @Test
    void aBurstBecomesOneNotificationPerKindInKindOrder() {
        List<NetworkChange> collapsed = ChangeCollapser.collapse(List.of(
                change(Kind.DEFAULT_ROUTE_CHANGED, "eth0", "route"),
                change(Kind.ADDRESS_REMOVED, "eth0", "a removed"),
                change(Kind.ADDRESS_ADDED, "eth0", "b added"),
                change(Kind.ADDRESS_ADDED, "eth0", "c added")), T1);
        assertEquals(List.of(
                new NetworkChange(Kind.ADDRESS_ADDED, Optional.of("eth0"), "b added; c added", T1),
                new NetworkChange(Kind.ADDRESS_REMOVED, Optional.of("eth0"), "a removed", T1),
                new NetworkChange(Kind.DEFAULT_ROUTE_CHANGED, Optional.of("eth0"), "route", T1)), collapsed);
    }

    @Test
    void changesOnSeveralInterfacesNameNoSingleInterface() {
        List<NetworkChange> collapsed = ChangeCollapser.collapse(List.of(
                change(Kind.LINK_UP, "eth0", "eth0 is up"), change(Kind.LINK_UP, "wlan0", "wlan0 is up")), T1);
        assertEquals(List.of(new NetworkChange(Kind.LINK_UP, Optional.empty(), "eth0 is up; wlan0 is up", T1)),
                collapsed);
    }
}
