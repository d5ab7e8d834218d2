package io.homeward.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DefaultRouteTest {
    private static final String HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";

    @Test
    void picksTheDefaultRouteWithTheLowestMetric() {
        String table = HEADER
                + "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
                + "eth0\t0000A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"
                + "enp3s0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n";
        assertEquals(Optional.of("enp3s0"), DefaultRoute.interfaceIn(table));
    }

    @Test
    void ignoresRoutesThatAreNotUp() {
        String table = HEADER + "eth0\t00000000\t0101A8C0\t0002\t0\t0\t0\t00000000\t0\t0\t0\n";
        assertEquals(Optional.empty(), DefaultRoute.interfaceIn(table));
    }

    @Test
    void noDefaultRouteGivesNothing() {
        assertEquals(Optional.empty(), DefaultRoute.interfaceIn(HEADER
                + "eth0\t0000A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"));
        assertEquals(Optional.empty(), DefaultRoute.interfaceIn(""));
    }

    @Test
    void malformedLinesAreSkipped() {
        String table = HEADER + "garbage\n" + "eth1\t00000000\t0101A8C0\tzz\t0\t0\t1\t00000000\t0\t0\t0\n"
                + "eth0\t00000000\t0101A8C0\t0003\t0\t0\t5\t00000000\t0\t0\t0\n";
        assertEquals(Optional.of("eth0"), DefaultRoute.interfaceIn(table));
    }
}
