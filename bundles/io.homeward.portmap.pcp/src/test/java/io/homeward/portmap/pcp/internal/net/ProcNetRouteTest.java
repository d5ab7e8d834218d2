package io.homeward.portmap.pcp.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.portmap.pcp.internal.wire.Samples;

class ProcNetRouteTest {
    private static final String HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";

    @Test
    void theDefaultRouteGivesTheGatewayInNetworkOrder() {
        String table = HEADER
                + "eth0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
                + "eth0\t00000000\t0101A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n";
        assertEquals(Optional.of(Samples.address("192.168.1.1")), ProcNetRoute.defaultGateway(table));
    }

    @Test
    void noDefaultRouteOrAGarbledTableGivesNoGateway() {
        assertTrue(ProcNetRoute.defaultGateway(HEADER + "eth0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n")
                .isEmpty());
        assertTrue(ProcNetRoute.defaultGateway(HEADER + "eth0\t00000000\tZZZZ\t0003\t0\t0\t0\t00000000\t0\t0\t0\n").isEmpty());
        assertTrue(ProcNetRoute.defaultGateway("").isEmpty());
    }
}
