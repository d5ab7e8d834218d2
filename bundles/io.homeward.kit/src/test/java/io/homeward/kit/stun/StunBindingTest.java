package io.homeward.kit.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class StunBindingTest {
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 5769 §2.2/2.3 transaction ID; its responses map 192.0.2.1:32853 and 2001:db8:1234:5678:11:2233:4455:6677:32853. */
    private static final byte[] TX = HEX.parseHex("b7e7a701bc34d686fa87dfae");

    @Test
    void aRequestIsTwentyOctetsWithTheCookieAndTheTransaction() {
        byte[] request = StunBinding.request(TX);
        assertEquals("000100002112a442b7e7a701bc34d686fa87dfae", HEX.formatHex(request));
        assertArrayEquals(TX, StunBinding.requestTransactionId(request, 0, request.length));
    }

    @Test
    void theRfc5769Ipv4ResponseAttributeDecodes() {
        // RFC 5769 §2.2 XOR-MAPPED-ADDRESS value for 192.0.2.1 port 32853, in a response of ours.
        byte[] m = HEX.parseHex("0101000c2112a442b7e7a701bc34d686fa87dfae" + "002000080001a147e112a643");
        assertEquals(new InetSocketAddress("192.0.2.1", 32853), StunBinding.mappedAddress(m, 0, m.length, TX));
    }

    @Test
    void theRfc5769Ipv6ResponseAttributeDecodes() {
        byte[] m = HEX.parseHex("010100182112a442b7e7a701bc34d686fa87dfae"
                + "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9");
        assertEquals(new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853),
                StunBinding.mappedAddress(m, 0, m.length, TX));
    }

    @Test
    void whatTheServerWritesTheClientReads() {
        InetSocketAddress seen = new InetSocketAddress("11.0.0.3", 4500);
        byte[] response = StunBinding.success(TX, seen);
        assertEquals(seen, StunBinding.mappedAddress(response, 0, response.length, TX));
    }

    @Test
    void anotherTransactionOrAMangledMessageGivesNothing() {
        byte[] response = StunBinding.success(TX, new InetSocketAddress("11.0.0.3", 4500));
        byte[] other = TX.clone();
        other[11] ^= 1;
        assertNull(StunBinding.mappedAddress(response, 0, response.length, other));
        assertNull(StunBinding.mappedAddress(response, 0, response.length - 4, TX));
        byte[] overlong = response.clone();
        overlong[23] = 40;   // attribute length past the end
        assertNull(StunBinding.mappedAddress(overlong, 0, overlong.length, TX));
    }

    @Test
    void espAndKeepalivesAreNotStun() {
        byte[] esp = HEX.parseHex("c0ffee0100000001000000000000000126711cf26c884d10");
        assertFalse(StunBinding.isStun(esp, 0, esp.length));
        assertFalse(StunBinding.isStun(new byte[] {(byte) 0xFF}, 0, 1));
        byte[] request = StunBinding.request(TX);
        assertTrue(StunBinding.isStun(request, 0, request.length));
        assertNull(StunBinding.requestTransactionId(StunBinding.success(TX, new InetSocketAddress("11.0.0.3", 1)), 0, 32));
    }
}
