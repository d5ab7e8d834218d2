package io.homeward.api.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class Eui64Test {

    @Test
    void modifiedEui64FromMacInsertsFffeAndFlipsUniversalLocalBit() {
        Eui64 eui = Eui64.fromMac(new byte[] {0x00, 0x1b, 0x63, (byte) 0x84, 0x5a, 0x0c});
        assertEquals("02-1B-63-FF-FE-84-5A-0C", eui.toString());
        assertEquals("AutoTunnel-02-1B-63-FF-FE-84-5A-0C", eui.autoTunnelLabel());
        assertTrue(eui.isUniversal());
    }

    @Test
    void locallyAdministeredMacGivesLocalIdentifier() {
        Eui64 eui = Eui64.fromMac(new byte[] {0x02, 0x00, 0x00, 0x00, 0x00, 0x01});
        assertEquals("00-00-00-FF-FE-00-00-01", eui.toString());
        assertFalse(eui.isUniversal());
    }

    @RepeatedTest(20)
    void randomIdentifierIsMarkedLocalAndIndividual() {
        Eui64 eui = Eui64.random(new Random());
        assertFalse(eui.isUniversal());
        assertEquals(0, eui.toBytes()[0] & 0x01);
    }
}
