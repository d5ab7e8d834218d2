package io.homeward.netwatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Route tables as this sandbox's kernel prints them. */
class DefaultRoutesTest {

    @Test
    void theIpv4DefaultRouteIsReadWithItsGatewayInNetworkOrder() {
        List<String> table = List.of(
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
                "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0",
                "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0");
        assertEquals(List.of("via 192.0.2.1 dev eth0"), DefaultRoutes.ipv4(table));
    }

    @Test
    void aRouteThatIsNotUpIsNoDefaultRoute() {
        assertEquals(List.of(), DefaultRoutes.ipv4(List.of("eth0\t00000000\t010200C0\t0002\t0\t0\t0\t00000000\t0\t0\t0")));
    }

    @Test
    void theIpv6DefaultRouteIsReadAndTheRejectRouteOnLoopbackIsNot() {
        List<String> table = List.of(
                "fd000000000000000000000000000000 40 00000000000000000000000000000000 00 "
                        + "00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0",
                "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
                        + "fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0",
                "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
                        + "00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo");
        assertEquals(List.of("via fd00::1 dev eth0"), DefaultRoutes.ipv6(table));
    }

    @Test
    void noTableMeansNoRoutes() {
        assertEquals(List.of(), DefaultRoutes.ipv4(List.of()));
        assertEquals(List.of(), DefaultRoutes.ipv6(List.of()));
    }
}
