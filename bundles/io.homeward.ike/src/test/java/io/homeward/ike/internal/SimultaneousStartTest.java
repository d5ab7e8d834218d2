package io.homeward.ike.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.util.promise.Promise;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;

/**
 * Both hosts asked to key each other at the same moment (RFC 7296 §2.8): whichever IKE SA completes first and
 * whatever the wire loses, both end with the one SA pair of the IKE SA home (the lower ULA) initiated, and one IKE SA;
 * the INITIAL_CONTACT both fresh hosts send (§2.4) closes neither new IKE SA.
 */
class SimultaneousStartTest {
    private static final int IKE_SA_INIT = 34;
    private static final int IKE_AUTH = 35;
    private static final int INFORMATIONAL = 37;
    private final KeyingLab lab = new KeyingLab();

    @Test
    void bothStartingInTheSameRoundKeepTheIkeSaOfTheLowerUla() {
        bothKeyAtOnce();

        assertOnePairOfHomesIkeSa();
    }

    @Test
    void bothFreshHostsSayInitialContactWhichClosesNeitherNewIkeSa() {
        bothKeyAtOnce();

        assertTrue(lab.home.log.has(LogLevel.DEBUG, "announced INITIAL_CONTACT"), lab.home.log.toString());
        assertTrue(lab.laptop.log.has(LogLevel.DEBUG, "announced INITIAL_CONTACT"), lab.laptop.log.toString());
        assertFalse(lab.home.log.has(LogLevel.INFO, "closed without DELETE"), lab.home.log.toString());
        assertFalse(lab.laptop.log.has(LogLevel.INFO, "closed without DELETE"), lab.laptop.log.toString());
        assertOnePairOfHomesIkeSa();
    }

    @Test
    void whenTheLowerUlasIkeSaCompletesFirstTheOtherGetsNoChildSa() {
        lab.lose = once(sent -> sent.exchange() == IKE_SA_INIT && !sent.response() && sent.from(lab.laptop));

        bothKeyAtOnce();
        lab.scheduler.advance(Duration.ofSeconds(5));

        assertOnePairOfHomesIkeSa();
        assertTrue(lab.home.log.has(LogLevel.INFO, "answered TS_UNACCEPTABLE"), lab.home.log.toString());
        assertTrue(lab.laptop.log.has(LogLevel.WARN, "made no Child SA: TS_UNACCEPTABLE"), lab.laptop.log.toString());
    }

    @Test
    void whenTheHigherUlasIkeSaCompletesFirstItCarriesThePacketsUntilTheOtherReplacesIt() {
        lab.lose = once(sent -> sent.exchange() == IKE_SA_INIT && !sent.response() && sent.from(lab.home));

        bothKeyAtOnce();
        SaSpec first = single(lab.laptop.database.installed);
        assertEquals(first.inboundSpi(), single(lab.home.database.installed).outboundSpi(),
                "the laptop's IKE SA keyed a pair on both");
        lab.scheduler.advance(Duration.ofSeconds(5));

        assertOnePairOfHomesIkeSa();
        assertEquals(Sending.AFTER_FIRST_INBOUND, lab.laptop.database.sending.get(1),
                "the responder added the pair beside the one that carried packets, as a rekey does");
        assertEquals(Sending.NOW, lab.home.database.sending.get(1));
    }

    @Test
    void theReplacementHoldsWhenEveryDeleteIsLost() {
        lab.lose = once(sent -> sent.exchange() == IKE_SA_INIT && !sent.response() && sent.from(lab.home))
                .or((from, datagram) -> new Sent(from, ByteBuffer.wrap(datagram)).exchange() == INFORMATIONAL);

        bothKeyAtOnce();
        lab.scheduler.advance(Duration.ofSeconds(5));

        assertOnePairOfHomesIkeSa();
    }

    @Test
    void aLostIkeAuthResponseOfTheLowerUlasIkeSaIsRetransmittedAndStillWins() {
        lab.lose = once(sent -> sent.exchange() == IKE_AUTH && sent.response() && sent.from(lab.laptop)
                && !sent.fromOriginalInitiator());

        bothKeyAtOnce();
        lab.scheduler.advance(Duration.ofSeconds(5));

        assertOnePairOfHomesIkeSa();
    }

    /** Both hosts list each other and are asked to key each other before either's first message arrives. */
    private void bothKeyAtOnce() {
        lab.bothListEachOther();
        lab.hold();
        Promise<KeyingStatus> fromHome = lab.home.key(lab.laptop);
        Promise<KeyingStatus> fromLaptop = lab.laptop.key(lab.home);
        lab.release();
        assertEquals(KeyingState.UP, KeyingLab.value(fromHome).state());
        assertEquals(KeyingState.UP, KeyingLab.value(fromLaptop).state());
    }

    /** One pair on each side, the two halves of one Child SA, of the one IKE SA left: home's. */
    private void assertOnePairOfHomesIkeSa() {
        for (int check = 0; check < 2; check++) {
            SaSpec atHome = single(lab.home.database.installed);
            SaSpec atLaptop = single(lab.laptop.database.installed);
            assertEquals(atHome.inboundSpi(), atLaptop.outboundSpi(), lab.home.report() + lab.laptop.report());
            assertEquals(atHome.outboundSpi(), atLaptop.inboundSpi());
            assertTrue(single(lab.home.component.report().sas()).initiator(), lab.home.report());
            assertEquals("responder", single(lab.laptop.component.report().sas()).initiator() ? "initiator"
                    : "responder", lab.laptop.report());
            assertEquals(KeyingState.UP, single(lab.home.component.status()).state());
            assertEquals(KeyingState.UP, single(lab.laptop.component.status()).state());
            lab.scheduler.advance(Duration.ofMinutes(1));
        }
    }

    /** An IKE message as the wire carries it: the non-ESP marker, then the header (RFC 7296 §3.1). */
    private record Sent(KeyingLab.Host sender, ByteBuffer datagram) {

        int exchange() {
            return Byte.toUnsignedInt(datagram.get(4 + 18));
        }

        boolean response() {
            return (datagram.get(4 + 19) & 0x20) != 0;
        }

        boolean fromOriginalInitiator() {
            return (datagram.get(4 + 19) & 0x08) != 0;
        }

        boolean from(KeyingLab.Host host) {
            return sender == host;
        }
    }

    /** Loses the first datagram that matches, and none after. */
    private static BiPredicate<KeyingLab.Host, byte[]> once(Predicate<Sent> matches) {
        AtomicInteger lost = new AtomicInteger();
        return (from, datagram) -> matches.test(new Sent(from, ByteBuffer.wrap(datagram)))
                && lost.getAndIncrement() == 0;
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
