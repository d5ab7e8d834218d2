package io.homeward.itests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** The load client's bookkeeping, which the benchmark figures rest on: no server, no timing. */
class LoadAccountingTest {

    @Test
    void anUpdatesAddressNamesItsSequenceNumberAndNothingElseDoes() throws Exception {
        for (int sequence : new int[] {0, 1, 65_536, 999_999, Integer.MAX_VALUE}) {
            assertEquals(sequence, WatchedNames.sequence(WatchedNames.address(sequence).getAddress()));
        }
        assertEquals(-1, WatchedNames.sequence(java.net.InetAddress.getByName("fd00:1::5").getAddress()));
        assertEquals(-1, WatchedNames.sequence(java.net.InetAddress.getByName("2001:db8::5").getAddress()));
        assertEquals(-1, WatchedNames.sequence(new byte[4]));
    }

    @Test
    void watchedNamesAreDistinctHostsInTheZone() throws Exception {
        WatchedNames names = new WatchedNames(Name.fromString("alice.members.example."));
        assertEquals(Name.fromString("h42.alice.members.example."), names.name(42));
    }

    @Test
    void anAcceptedUpdateWithoutEventIsLostAndARepeatedEventCountsOnce() {
        LatencyLog log = new LatencyLog();
        log.sending(0, 1_000_000);
        log.sending(1, 2_000_000);
        log.sending(2, 3_000_000);
        log.answered(0, true, 1_500_000);
        log.answered(1, true, 2_500_000);
        log.answered(2, false, 3_500_000);
        log.eventArrived(0, 4_000_000);
        log.eventArrived(0, 9_000_000);
        log.eventArrived(7, 9_000_000);
        assertFalse(log.complete(), "update 1 was accepted and its event is still missing");

        LatencyLog.Summary s = log.summary();
        assertEquals(3, s.sent());
        assertEquals(2, s.accepted());
        assertEquals(1, s.refused());
        assertEquals(1, s.events());
        assertEquals(1, s.lost());
        assertEquals(1, s.duplicates());
        assertEquals(1, s.strangers());
        assertEquals(3_000_000, s.maxNanos(), "the first arrival counts, not the repeat");

        log.eventArrived(1, 5_000_000);
        assertTrue(log.complete());
        assertEquals(0, log.summary().lost());
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
        assertEquals(50, LatencyLog.percentile(hundred, 50));
        assertEquals(99, LatencyLog.percentile(hundred, 99));
        assertEquals(7, LatencyLog.percentile(List.of(7L), 99));
        assertEquals(0, LatencyLog.percentile(List.of(), 50));
    }

    @Test
    void optionsNeedAMechanismAndTheServerAndRejectNonsense() {
        LoadOptions o = LoadOptions.parse("--mechanism", "llq", "--port", "5300", "--tls-port", "8853", "--pid", "42",
                "--password", "pw");
        assertEquals(10_000, o.subscriptions());
        assertEquals(8, o.carriers());
        assertEquals("alice", o.user());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--mechanism", "mdns", "--port", "1"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--mechanism", "push", "--port", "1",
                "--tls-port", "2", "--pid", "3", "--password", "pw", "--subscriptions", "-5"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--mechanism", "push", "--port", "1"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--bogus", "1"));
    }
}
