package io.homeward.kerberos.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.homeward.api.kerberos.KdcStatus;
import io.homeward.kerberos.internal.status.KdcCounters.FrontDoorCounts;

class KdcCountersTest {
    @Test
    void makesTheStatusFromWhatWasCounted() {
        KdcCounters counters = new KdcCounters();
        counters.asIssued();
        counters.asIssued();
        counters.tgsIssued();
        counters.error(25);
        counters.error(25);
        counters.error(37);
        counters.udpRequest();
        counters.tcpRequest();
        counters.tcpRequest();
        counters.refusedSource();
        KdcStatus status = counters.status("HOME.EXAMPLE", List.of("[fd00::1]:88 TCP"), List.of("krbtgt/X@X"));
        assertEquals(new KdcStatus("HOME.EXAMPLE", List.of("[fd00::1]:88 TCP"), List.of("krbtgt/X@X"), 3, 1, 2,
                1, Map.of(25, 2L, 37, 1L)), status);
    }

    @Test
    void countsTheFrontDoor() {
        KdcCounters counters = new KdcCounters();
        counters.udpRequest();
        counters.tcpRequest();
        counters.tcpRequest();
        counters.refusedSource();
        counters.handlerFailure();
        counters.dropped();
        counters.dropped();
        assertEquals(new FrontDoorCounts(1, 2, 1, 1, 2), counters.frontDoor());
    }

    @Test
    void keepsTheCodesBoundedWhateverIsCounted() {
        KdcCounters counters = new KdcCounters();
        for (int code = 1000; code < 1000 + 2 * KdcCounters.MAX_CODES; code++) {
            counters.error(code);
        }
        Map<Integer, Long> byCode = counters.status("R", List.of(), List.of()).errorsByCode();
        assertEquals(KdcCounters.MAX_CODES + 1, byCode.size());
        assertEquals(KdcCounters.MAX_CODES, byCode.get(KdcCounters.OTHER_CODE));
    }
}
