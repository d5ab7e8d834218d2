package io.homeward.rendezvous.dns.internal.tsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

import io.homeward.testkit.MutableClock;

class TsigReplayCacheTest {
    static final Name ALICE = Name.fromConstantString("alice.members.example.");
    static final Name BOB = Name.fromConstantString("bob.members.example.");

    final MutableClock clock = new MutableClock();
    final TsigReplayCache cache = new TsigReplayCache(3, clock);

    @Test
    void aMacIsAdmittedOnceWhileItsTimeIsAcceptable() {
        assertTrue(cache.firstUse(signed(ALICE, 1, clock.instant())));
        assertFalse(cache.firstUse(signed(ALICE, 1, clock.instant())));
        assertTrue(cache.firstUse(signed(BOB, 1, clock.instant())), "the same MAC bytes under another key");

        clock.advance(Duration.ofSeconds(301));
        assertTrue(cache.firstUse(signed(ALICE, 2, clock.instant())));
        assertTrue(cache.firstUse(signed(ALICE, 3, clock.instant())));
        assertTrue(cache.firstUse(signed(ALICE, 4, clock.instant())));
        assertEquals(0, cache.evictions(), "entries whose window ended make room, they are not evicted");
    }

    @Test
    void aFullCacheEvictsTheOldestAndRefusesWhatItCouldHaveForgotten() {
        Instant early = clock.instant();
        assertTrue(cache.firstUse(signed(ALICE, 1, early)));
        clock.advance(Duration.ofSeconds(10));
        for (int mac = 2; mac <= 4; mac++) {
            assertTrue(cache.firstUse(signed(ALICE, mac, clock.instant())));
        }
        assertEquals(1, cache.evictions());

        assertFalse(cache.firstUse(signed(ALICE, 1, early)), "the replay of the evicted MAC");
        assertFalse(cache.firstUse(signed(ALICE, 9, early)), "anything signed as early, unknown or not");
        assertTrue(cache.firstUse(signed(ALICE, 5, clock.instant())), "requests signed later still pass");
    }

    private static TsigOutcome signed(Name key, int mac, Instant timeSigned) {
        byte[] signature = new byte[32];
        signature[0] = (byte) mac;
        return new TsigOutcome(Rcode.NOERROR, new TSIGRecord(key, DClass.ANY, 0, TSIG.HMAC_SHA256, timeSigned,
                Duration.ofSeconds(300), signature, 1, Rcode.NOERROR, null), null, null);
    }
}
