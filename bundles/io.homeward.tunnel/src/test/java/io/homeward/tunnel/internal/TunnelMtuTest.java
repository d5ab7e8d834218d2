package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static io.homeward.tunnel.internal.Suites.CHACHA20;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;

import org.junit.jupiter.api.Test;

class TunnelMtuTest {
    @Test
    void anEthernetPathLeavesRoomForTheWorstCaseEspOverhead() {
        // 20 IPv4 + 8 UDP + 8 SPI/sequence + 8 IV + 2 trailer + 3 alignment + 16 ICV = 65 (RFC 4303 §2, RFC 3948 §2.1)
        assertEquals(1435, TunnelMtu.inner(1500, AES_GCM));
        assertEquals(1435, TunnelMtu.inner(1500, CHACHA20));
    }

    @Test
    void aPacketOfTheInnerMtuFitsTheOuterPath() throws GeneralSecurityException {
        int inner = TunnelMtu.inner(1500, AES_GCM);
        for (int length = inner - 3; length <= inner; length++) {
            EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, Suites.AES_KEY), 0x1000, true, 16, 0);
            byte[] out = new byte[2000];
            int esp = sealer.seal(Esp.NEXT_HEADER_IPV6, new byte[length], 0, length, out, 0);
            assertTrue(20 + 8 + esp <= 1500, "inner " + length + " gives ESP " + esp);
        }
    }

    @Test
    void neverGoesBelowTheIpv6Minimum() {
        assertEquals(1280, TunnelMtu.inner(1300, AES_GCM));
        assertEquals(1280, TunnelMtu.inner(576, AES_GCM));
        assertEquals(1281, TunnelMtu.inner(1346, AES_GCM));
    }

    @Test
    void refusesAnImpossibleOuterMtu() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TunnelMtu.inner(67, AES_GCM));
        assertEquals("an IPv4 path MTU is at least 68, got 67", e.getMessage());
    }
}
