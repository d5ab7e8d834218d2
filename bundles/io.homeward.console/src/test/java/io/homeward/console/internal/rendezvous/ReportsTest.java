package io.homeward.console.internal.rendezvous;

import static io.homeward.console.internal.rendezvous.RendezvousFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportsTest {

    @Test
    void zonesShowSerialAndRecordCount() {
        assertEquals("""
                ZONE                    SERIAL      RECORDS
                alice.members.example.  2026112107  3
                bob.members.example.    1           0
                """, ZonesReport.of(RendezvousFixtures.zones()));
        assertEquals(ZonesReport.NO_ZONES, ZonesReport.of(RendezvousFixtures.directory(Map.of())));
    }

    @Test
    void recordsShowTheirLeaseExpiryAbsoluteAndRelative() {
        assertEquals("""
                Zone alice.members.example. (serial 2026112107)
                NAME                                            TYPE  TTL   RDATA                                                               LEASE EXPIRES
                _autotunnel._udp.laptop.alice.members.example.  SRV   60    0 0 4500 AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.  2026-11-21T10:02:00Z (expired 3 min ago)
                laptop.alice.members.example.                   AAAA  60    fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c                               2026-11-21T11:17:30Z (in 1 h 12 min)
                alice.members.example.                          TXT   3600  "hello"                                                             no lease
                """, RecordsReport.of(RendezvousFixtures.zones(), "alice.members.example.", NOW));
    }

    @Test
    void aZoneIsFoundWithoutItsFinalDotInAnyCase() {
        assertEquals("Zone bob.members.example. (serial 1)\nno records\n",
                RecordsReport.of(RendezvousFixtures.zones(), "BOB.members.example", NOW));
    }

    @Test
    void anUnknownZoneIsNamedWithTheKnownOnes() {
        assertEquals("unknown zone carol.members.example.; known zones: alice.members.example., bob.members.example.",
                RecordsReport.of(RendezvousFixtures.zones(), "carol.members.example.", NOW));
        assertEquals("unknown zone x.; " + ZonesReport.NO_ZONES, RecordsReport.of(RendezvousFixtures.directory(Map.of()), "x.", NOW));
    }

    @Test
    void listenersShowCountersAndTheFingerprintAgentsPin() {
        assertEquals("""
                TRANSPORT  ADDRESS         CONNECTIONS  DROPPED  REFUSED
                udp        127.0.0.1:8053  0            0        0
                tcp        127.0.0.1:8053  2            0        1
                tls        127.0.0.1:8853  1            5        0
                TLS certificate fingerprint (SHA-256) that agents pin: %s
                """.formatted(RendezvousFixtures.FINGERPRINT), ListenersReport.of(RendezvousFixtures.listeners()));
        assertEquals(ListenersReport.NO_LISTENERS + "\nTLS certificate fingerprint (SHA-256) that agents pin: no TLS certificate\n",
                ListenersReport.of(RendezvousFixtures.listeners(List.of(), null)));
    }

    @Test
    void watchesShowLeaseLastEventAndUnacked() {
        assertEquals("""
                MECHANISM  CLIENT            ZONE                    NAME                                            TYPE  LEASE EXPIRES                  LAST EVENT                       UNACKED
                llq-udp    192.0.2.10:5353   alice.members.example.  laptop.alice.members.example.                   AAAA  2026-11-21T12:05:00Z (in 2 h)  2026-11-21T10:04:15Z (45 s ago)  1
                dns-push   192.0.2.11:40001  alice.members.example.  _autotunnel._udp.laptop.alice.members.example.  SRV   while its session lasts        none                             0
                """, WatchesReport.of(RendezvousFixtures.watches(), NOW));
        assertEquals(WatchesReport.NO_WATCHES, WatchesReport.of(List::of, NOW));
    }
}
