package io.homeward.peers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;

import org.junit.jupiter.api.Test;

class RecordTextTest {
    private static final String ZONE = "alice.members.example.";

    @Test
    void theHostOfABrowsePtrIsTheLabelDirectlyUnderTheZone() {
        assertEquals("laptop", RecordText.hostOf("Laptop.Alice.Members.Example.", ZONE));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordText.hostOf("laptop.bob.example.", ZONE))
                .getMessage().contains("not a name in the zone"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordText.hostOf("a.b." + ZONE, ZONE))
                .getMessage().contains("not a host directly under"));
    }

    @Test
    void srvDataGivesPortAndLowerCaseTarget() {
        assertEquals(new SrvTarget(4500, "autotunnel-02.alice.members.example."),
                RecordText.srv("0 0 4500 AutoTunnel-02.alice.members.example."));
        assertEquals(new SrvTarget(0, ""), RecordText.srv("0 0 0 ."), "RFC 2782: '.' means no service");
        assertThrows(IllegalArgumentException.class, () -> RecordText.srv("0 0 4500"));
        assertThrows(IllegalArgumentException.class, () -> RecordText.srv("0 0 70000 t.example."));
        assertThrows(IllegalArgumentException.class, () -> RecordText.srv("0 0 port t.example."));
        assertThrows(IllegalArgumentException.class, () -> RecordText.srv("0 0 4500 relative"));
    }

    @Test
    void addressesAreReadWithoutAnyNameLookup() {
        assertEquals("203.0.113.7", RecordText.ipv4("203.0.113.7").getHostAddress());
        assertThrows(IllegalArgumentException.class, () -> RecordText.ipv4("peer.example.com"));
        assertThrows(IllegalArgumentException.class, () -> RecordText.ipv4("fd00::1"));
        Inet6Address mapped = RecordText.ipv6("::ffff:192.0.2.1");
        assertEquals(16, mapped.getAddress().length, "an IPv4-mapped AAAA stays an IPv6 address");
        assertThrows(IllegalArgumentException.class, () -> RecordText.ipv6("localhost"));
    }

    @Test
    void namesCompareInLowerCaseWithATrailingDot() {
        assertEquals(ZONE, RecordText.absolute("Alice.Members.Example"));
        assertEquals(ZONE, RecordText.absolute(ZONE));
    }
}
