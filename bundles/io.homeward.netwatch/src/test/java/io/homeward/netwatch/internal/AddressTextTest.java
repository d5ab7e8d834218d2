package io.homeward.netwatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** Examples from RFC 5952 §4. */
class AddressTextTest {
    private static String text(String address) throws Exception {
        return AddressText.of(InetAddress.getByName(address));
    }

    @Test
    void ipv6IsWrittenInTheRecommendedShortForm() throws Exception {
        assertEquals("fd00::2", text("fd00:0:0:0:0:0:0:2"));
        assertEquals("2001:db8::1", text("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1"), "one zero group is not shortened");
        assertEquals("2001:db8::2:1", text("2001:db8:0:0:0:0:2:1"));
        assertEquals("2001:db8::1:0:0:1", text("2001:db8:0:0:1:0:0:1"), "the first of two equal runs");
        assertEquals("2001:0:0:1::1", text("2001:0:0:1:0:0:0:1"), "the longest run");
        assertEquals("::1", text("::1"));
        assertEquals("::", text("::"));
        assertEquals("fe80::", text("fe80::"));
    }

    @Test
    void ipv4IsUnchanged() throws Exception {
        assertEquals("192.0.2.1", text("192.0.2.1"));
    }
}
