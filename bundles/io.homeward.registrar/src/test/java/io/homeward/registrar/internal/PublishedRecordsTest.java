package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

import io.homeward.api.registration.HostRecordSet;

class PublishedRecordsTest {
    @Test
    void theHostsRecordSetHasExactNamesTypesDataAndTtl() {
        List<String> records = new PublishedRecords(TestInputs.set("laptop", TestInputs.PUBLIC, 61_000)).additions()
                .stream().map(Record::toString).toList();
        assertEquals(List.of(
                "_autotunnel._udp.laptop.alice.members.example.\t120\tIN\tSRV\t0 0 61000 "
                        + "AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.",
                "AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.\t120\tIN\tA\t203.0.113.7",
                "AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.\t120\tIN\tAAAA\t"
                        + "fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c",
                "AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.\t120\tIN\tTXT\t"
                        + "homeward=0.1 host=laptop os=linux",
                "laptop.alice.members.example.\t120\tIN\tAAAA\tfd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c",
                "_homeward._udp.alice.members.example.\t120\tIN\tPTR\tlaptop.alice.members.example."), records);
    }

    @Test
    void deviceInfoIsOneCharacterStringPerKeySortedByKey() {
        TXTRecord txt = (TXTRecord) new PublishedRecords(TestInputs.set("laptop", TestInputs.PUBLIC, 4500)).additions()
                .get(3);
        assertEquals(List.of("homeward=0.1", "host=laptop", "os=linux"), txt.getStrings());
    }

    @Test
    void aZoneWithoutTheFinalDotIsTheSameZone() {
        HostRecordSet relative = new HostRecordSet("alice.members.example", "laptop", TestInputs.EUI, TestInputs.ULA,
                TestInputs.PUBLIC, 4500, Map.of());
        PublishedRecords records = new PublishedRecords(relative);
        assertEquals("laptop.alice.members.example.", records.host.toString());
        assertEquals("\"\"", records.additions().get(3).rdataToString());
    }

    @Test
    void aHostNameThatIsNoDnsLabelIsRefusedWithTheReason() {
        HostRecordSet bad = TestInputs.set("a".repeat(64), TestInputs.PUBLIC, 4500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PublishedRecords(bad));
        assertEquals(true, e.getMessage().contains("does not give valid DNS names"), e.getMessage());
    }
}
