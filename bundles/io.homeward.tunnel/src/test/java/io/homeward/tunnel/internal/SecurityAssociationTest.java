package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.SaTableTest.ENDPOINT;
import static io.homeward.tunnel.internal.SaTableTest.ula;
import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static io.homeward.tunnel.internal.Suites.AES_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaSpec;

class SecurityAssociationTest {
    private static SecurityAssociation withLastSequence(long last) {
        return new SecurityAssociation(ula(1), 0x1000, 0x2000, "aes-gcm-16",
                new EspSealer(Suites.aead(AES_GCM, AES_KEY), 0x2000, false, 16, last),
                new EspOpener(Suites.aead(AES_GCM, AES_KEY), 0x1000, false, 16, SaSpec.MAX_REPLAY_WINDOW),
                new OuterPath(ENDPOINT, 0), false);
    }

    @Test
    void isExhaustedOnceItsLastSequenceNumberIsUsed() throws Exception {
        SecurityAssociation sa = withLastSequence(0xFFFF_FFFEL);
        assertFalse(sa.exhausted());

        byte[] out = new byte[200];
        sa.sealer().seal(Esp.NEXT_HEADER_IPV6, Suites.INNER, 0, Suites.INNER.length, out, 0);

        assertTrue(sa.exhausted());
        assertEquals(-1, sa.sealer().seal(Esp.NEXT_HEADER_IPV6, Suites.INNER, 0, Suites.INNER.length, out, 0));
        sa.dropped(DropReason.SEQUENCE_EXHAUSTED);
        assertEquals(1, sa.drops(DropReason.SEQUENCE_EXHAUSTED));
    }

    @Test
    void reportsEveryDropReasonEvenWhenZero() {
        SecurityAssociation sa = withLastSequence(0);
        sa.dropped(DropReason.BAD_ICV);
        sa.dropped(DropReason.BAD_ICV);

        Map<DropReason, Long> expected = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            expected.put(reason, reason == DropReason.BAD_ICV ? 2L : 0L);
        }
        assertEquals(expected, sa.status(true).drops());
    }

    @Test
    void recognisesItsPeerAtAnOffset() {
        SecurityAssociation sa = withLastSequence(0);
        byte[] buf = new byte[40];
        System.arraycopy(ula(1).getAddress(), 0, buf, 24, 16);

        assertTrue(sa.isPeer(buf, 24));
        assertFalse(sa.isPeer(buf, 8));
    }
}
