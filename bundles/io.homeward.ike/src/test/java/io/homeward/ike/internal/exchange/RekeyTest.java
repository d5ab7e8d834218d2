package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;
import io.homeward.ike.internal.proposal.ChildProposals;
import io.homeward.ike.internal.wire.ExchangeType;

/**
 * Two engines in memory rekeying Child SAs and IKE SAs (RFC 7296 §1.3.2, §1.3.3, §2.8, §2.18): make-before-break,
 * collisions (§2.8.1, §2.8.2), refusals, retransmissions and the lifetimes.
 */
class RekeyTest {
    private final IkeLab lab = new IkeLab();

    @Test
    void theInitiatorOfTheIkeSaRekeysTheChildSaMakeBeforeBreak() {
        long spi = establish();
        SaSpec laptopOld = single(lab.laptop.database.installed);
        SaSpec homeOld = single(lab.home.database.installed);

        assertTrue(lab.laptop.engine.rekeyChild(spi));
        lab.run();

        SaSpec laptopNew = single(lab.laptop.database.installed);
        SaSpec homeNew = single(lab.home.database.installed);
        assertMatching(laptopNew, homeNew);
        assertNotEquals(laptopOld.inboundSpi(), laptopNew.inboundSpi());
        assertNotEquals(homeOld.inboundSpi(), homeNew.inboundSpi());
        assertFalse(Arrays.equals(laptopOld.inboundKey(), laptopNew.inboundKey()), "new keys");
        assertEquals(List.of(Sending.NOW, Sending.NOW), lab.laptop.database.sending, "the rekey's initiator");
        assertEquals(List.of(Sending.NOW, Sending.AFTER_FIRST_INBOUND), lab.home.database.sending,
                "the responder sends on the new pair after its first inbound packet");
        assertEquals(List.of(laptopOld), lab.laptop.removedTold);
        assertEquals(List.of(homeOld), lab.home.removedTold);
        assertEquals(List.of(laptopOld, laptopNew), lab.laptop.childrenTold);
        assertTrue(lab.laptop.database.reserved.isEmpty());
        assertTrue(lab.home.database.reserved.isEmpty());
        assertEquals(List.of(laptopNew.inboundSpi()), childSpis(lab.laptop.status().get(0)));
        assertEquals(4 + 4, lab.sent.size(), "CREATE_CHILD_SA and INFORMATIONAL, each answered");
    }

    @Test
    void theResponderOfTheIkeSaRekeysTheChildSaToo() {
        establish();
        SaSpec laptopOld = single(lab.laptop.database.installed);

        assertTrue(lab.home.engine.rekeyChild(lab.home.status().get(0).localSpi()));
        lab.run();

        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
        assertNotEquals(laptopOld.inboundSpi(), single(lab.laptop.database.installed).inboundSpi());
        assertEquals(List.of(Sending.NOW, Sending.NOW), lab.home.database.sending);
        assertEquals(List.of(Sending.NOW, Sending.AFTER_FIRST_INBOUND), lab.laptop.database.sending);
        IkeLab.Packet request = lab.sent.get(4);
        assertEquals(ExchangeType.CREATE_CHILD_SA.code(), request.message().header().exchangeType());
        assertEquals(0, request.message().header().messageId(), "the original responder's first request");
    }

    @Test
    void theOldPairGoesOnlyWhenTheDeleteExchangeCompletes() {
        long spi = establish();
        lab.laptop.engine.rekeyChild(spi);
        lab.step();
        assertEquals(2, lab.home.database.installed.size(), "the responder added the new pair beside the old");
        lab.step();
        assertEquals(2, lab.laptop.database.installed.size(), "the initiator added it on the response");
        lab.step();
        assertEquals(1, lab.home.database.installed.size(), "the responder removed the old pair on the DELETE");
        assertEquals(2, lab.laptop.database.installed.size(), "the initiator keeps it until the DELETE's response");
        lab.step();
        assertEquals(1, lab.laptop.database.installed.size());
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
    }

    @Test
    void aResponderWithoutPfsAnswersWithoutKeyExchangeAndTheKeysStillMatch() {
        lab.home.with(settings -> withoutPfs(settings));
        long spi = establish();

        lab.laptop.engine.rekeyChild(spi);
        lab.run();
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));

        lab.home.engine.rekeyChild(lab.home.status().get(0).localSpi());
        lab.run();
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
        assertEquals(3, lab.laptop.childrenTold.size());
        assertTrue(lab.home.log.has(LogLevel.INFO, "rekeyed Child SA"), lab.home.log.toString());
    }

    @Test
    void aRetransmittedRekeyIsAnsweredFromTheCacheWithoutASecondPair() {
        long spi = establish();
        boolean[] lost = {false};
        lab.lose = packet -> packet.message().header().exchangeType() == ExchangeType.CREATE_CHILD_SA.code()
                && packet.message().header().isResponse() && !lost[0] && (lost[0] = true);

        lab.laptop.engine.rekeyChild(spi);
        lab.run();
        assertEquals(2, lab.home.database.installed.size());
        assertEquals(1, lab.laptop.database.installed.size());
        lab.scheduler.advance(Duration.ofSeconds(4));
        lab.run();

        assertEquals(2, lab.home.database.sending.size(), "one pair added for the request and its retransmission");
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
        List<IkeLab.Packet> responses = lab.sent.stream().filter(p -> p.message().header().isResponse()
                && p.message().header().exchangeType() == ExchangeType.CREATE_CHILD_SA.code()).toList();
        assertEquals(2, responses.size());
        assertArrayEquals(responses.get(0).data(), responses.get(1).data(), "the cached response");
    }

    @Test
    void aRekeyOfAChildSaTheResponderDoesNotKnowIsRefusedAndItsSpiReleased() {
        long spi = establish();
        IkeSa laptop = lab.laptop.engine.sa(spi).orElseThrow();
        ChildSa real = laptop.children.get(0);
        SaSpec unknown = new SaSpec(real.spec.peer(), 0x4242, 0x4343, real.spec.suite(), real.spec.inboundKey(),
                real.spec.outboundKey(), real.spec.peerEndpoint(), real.spec.esn());
        ChildSa ghost = new ChildSa(laptop, unknown, real.suite, lab.clock.instant());
        laptop.children.add(ghost);

        assertTrue(ChildRekey.start(ghost, "a test"));
        assertEquals(1, lab.laptop.database.reserved.size());
        lab.run();

        assertTrue(lab.home.log.has(LogLevel.INFO, "CHILD_SA_NOT_FOUND"), lab.home.log.toString());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "CHILD_SA_NOT_FOUND"), lab.laptop.log.toString());
        assertTrue(lab.laptop.database.reserved.isEmpty(), "the SPI of the refused rekey released");
        assertEquals(ChildSa.State.INSTALLED, ghost.state);
        assertEquals(1, lab.home.database.installed.size());
    }

    @Test
    void aPeerTakenForDeadDuringARekeyReleasesTheReservedSpi() {
        long spi = establish();
        lab.lose = packet -> true;
        lab.laptop.engine.rekeyChild(spi);
        assertEquals(1, lab.laptop.database.reserved.size());

        lab.scheduler.advance(Duration.ofSeconds(170));

        assertTrue(lab.laptop.status().isEmpty());
        assertTrue(lab.laptop.database.reserved.isEmpty());
    }

    @Test
    void whenBothRekeyTheChildSaAtOnceOneNewPairIsLeftOnEachSide() {
        long spi = establish();
        assertTrue(lab.laptop.engine.rekeyChild(spi));
        assertTrue(lab.home.engine.rekeyChild(lab.home.status().get(0).localSpi()));
        lab.run();

        SaSpec laptop = single(lab.laptop.database.installed);
        SaSpec home = single(lab.home.database.installed);
        assertMatching(laptop, home);
        assertEquals(List.of(laptop.inboundSpi()), childSpis(lab.laptop.status().get(0)));
        assertEquals(List.of(home.inboundSpi()), childSpis(lab.home.status().get(0)));
        assertEquals(3, lab.laptop.childrenTold.size(), "the first Child SA and one of each rekey");
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "§2.8.1") || lab.home.log.has(LogLevel.INFO, "§2.8.1"));
        assertTrue(lab.laptop.database.reserved.isEmpty() && lab.home.database.reserved.isEmpty());
    }

    @Test
    void aRekeyOfAChildSaBeingDeletedIsAnsweredTemporaryFailure() {
        long spi = establish();
        IkeSa laptop = lab.laptop.engine.sa(spi).orElseThrow();

        ChildRekey.delete(laptop.children.get(0), "a test");
        assertTrue(lab.home.engine.rekeyChild(lab.home.status().get(0).localSpi()));
        lab.run();

        assertTrue(lab.laptop.log.has(LogLevel.INFO, "TEMPORARY_FAILURE"), lab.laptop.log.toString());
        assertTrue(lab.laptop.database.installed.isEmpty());
        assertTrue(lab.home.database.installed.isEmpty());
        assertTrue(lab.home.database.reserved.isEmpty(), "the refused rekey's SPI released");
        lab.scheduler.advance(Duration.ofMinutes(2));
        lab.run();
        assertTrue(lab.home.database.installed.isEmpty(), "no rekey of a Child SA that is gone");
    }

    @Test
    void theIkeSaIsRekeyedByItsInitiatorAndKeepsItsChildSa() {
        long spi = establish();
        SaSpec laptopChild = single(lab.laptop.database.installed);

        assertTrue(lab.laptop.engine.rekeyIke(spi, "a test"));
        lab.run();

        IkeSaStatus laptop = single(lab.laptop.status());
        IkeSaStatus home = single(lab.home.status());
        assertNotEquals(spi, laptop.initiatorSpi());
        assertEquals(laptop.initiatorSpi(), home.initiatorSpi());
        assertEquals(laptop.responderSpi(), home.responderSpi());
        assertTrue(laptop.initiator() && !home.initiator());
        assertEquals(IkeSaState.ESTABLISHED, home.state());
        assertEquals(lab.home.fqdn, laptop.peerFqdn());
        assertEquals(List.of(laptopChild.inboundSpi()), childSpis(laptop));
        assertEquals(laptopChild, single(lab.laptop.database.installed), "the Child SA untouched");
        assertEquals(1, lab.laptop.rekeyedTold.size());
        assertEquals(1, lab.home.rekeyedTold.size());
        assertTrue(lab.home.closedTold.stream().noneMatch(reason -> reason.equals("deleted by the peer")),
                "the old IKE SA's DELETE deletes no Child SA: " + lab.home.closedTold);
        assertTrue(laptop.rekeyIn().isPresent());

        assertTrue(lab.laptop.engine.rekeyChild(laptop.localSpi()), "the new SA's keys work");
        lab.run();
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
        IkeLab.Packet request = lab.sent.get(lab.sent.size() - 4);
        assertEquals(ExchangeType.CREATE_CHILD_SA.code(), request.message().header().exchangeType());
        assertEquals(0, request.message().header().messageId(), "message IDs start at 0 on the new SA");
    }

    @Test
    void theResponderRekeysTheIkeSaAndBecomesTheNewSasInitiator() {
        establish();
        long homeSpi = lab.home.status().get(0).localSpi();

        assertTrue(lab.home.engine.rekeyIke(homeSpi, "a test"));
        lab.run();

        IkeSaStatus laptop = single(lab.laptop.status());
        IkeSaStatus home = single(lab.home.status());
        assertTrue(home.initiator() && !laptop.initiator(), "the rekey's initiator is the new SA's original initiator");
        assertEquals(home.initiatorSpi(), laptop.initiatorSpi());
        assertEquals(1, home.children().size());
        assertEquals(1, laptop.children().size());

        assertTrue(lab.laptop.engine.rekeyIke(laptop.localSpi(), "again"));
        lab.run();
        assertEquals(1, lab.laptop.status().size());
        assertEquals(1, single(lab.home.status()).children().size());
        assertTrue(lab.laptop.engine.rekeyChild(single(lab.laptop.status()).localSpi()));
        lab.run();
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
    }

    @Test
    void whenBothRekeyTheIkeSaAtOnceOneNewIkeSaIsLeft() {
        long spi = establish();
        assertTrue(lab.laptop.engine.rekeyIke(spi, "a test"));
        assertTrue(lab.home.engine.rekeyIke(lab.home.status().get(0).localSpi(), "a test"));
        lab.run();

        IkeSaStatus laptop = single(lab.laptop.status());
        IkeSaStatus home = single(lab.home.status());
        assertEquals(laptop.initiatorSpi(), home.initiatorSpi());
        assertEquals(laptop.responderSpi(), home.responderSpi());
        assertEquals(1, laptop.children().size());
        assertEquals(1, home.children().size());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "§2.8.2") || lab.home.log.has(LogLevel.INFO, "§2.8.2"));

        assertTrue(lab.laptop.engine.rekeyChild(laptop.localSpi()));
        lab.run();
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
    }

    @Test
    void aChildSaRekeyAndAnIkeSaRekeyAtOnceAreBothRefusedForNowAndBothHappenLater() {
        long spi = establish();
        assertTrue(lab.laptop.engine.rekeyIke(spi, "a test"));
        assertFalse(lab.laptop.engine.rekeyChild(spi), "not on an SA being rekeyed");
        assertTrue(lab.home.engine.rekeyChild(lab.home.status().get(0).localSpi()));
        lab.run();

        assertTrue(lab.home.log.has(LogLevel.INFO, "TEMPORARY_FAILURE"), lab.home.log.toString());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "TEMPORARY_FAILURE"), lab.laptop.log.toString());
        assertTrue(lab.home.database.reserved.isEmpty());
        advance(Duration.ofSeconds(30));

        assertEquals(1, lab.laptop.rekeyedTold.size(), "the IKE SA rekeyed");
        assertEquals(2, lab.home.childrenTold.size(), "the Child SA rekeyed");
        assertEquals(1, single(lab.laptop.status()).children().size());
        assertEquals(1, single(lab.home.status()).children().size());
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
    }

    @Test
    void thePeerDeletingAChildSaRemovesItsPairOnBothSides() {
        long spi = establish();
        IkeSa laptop = lab.laptop.engine.sa(spi).orElseThrow();

        ChildRekey.delete(laptop.children.get(0), "a test");
        lab.run();

        assertTrue(lab.laptop.database.installed.isEmpty());
        assertTrue(lab.home.database.installed.isEmpty());
        assertEquals(1, lab.home.removedTold.size());
        assertTrue(single(lab.home.status()).children().isEmpty());
    }

    @Test
    void childSasAreRekeyedWhenDueAndIkeSasToo() {
        Lifetimes short_ = new Lifetimes(Duration.ofMinutes(10), Duration.ofMinutes(11), Duration.ofMinutes(30), 10);
        lab.laptop.with(settings -> settings.with(short_));
        lab.home.with(settings -> settings.with(short_));
        long spi = establish();
        Duration rekeyIn = single(lab.laptop.status()).children().get(0).rekeyIn().orElseThrow();
        assertTrue(rekeyIn.compareTo(Duration.ofMinutes(9)) >= 0 && rekeyIn.compareTo(Duration.ofMinutes(10)) <= 0,
                rekeyIn.toString());

        advance(Duration.ofMinutes(10));
        assertEquals(3, lab.laptop.childrenTold.size() + lab.laptop.removedTold.size(), "rekeyed once");
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));

        advance(Duration.ofMinutes(20));
        assertFalse(lab.laptop.status().stream().anyMatch(sa -> sa.initiatorSpi() == spi), "the IKE SA rekeyed");
        assertEquals(1, lab.laptop.rekeyedTold.size(), "one rekey, whichever side's timer fired first");
        assertEquals(1, lab.home.rekeyedTold.size());
        assertEquals(1, lab.laptop.status().size());
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
    }

    @Test
    void aChildSaThatCannotBeRekeyedIsDeletedAtTheEndOfItsLifetime() {
        Lifetimes short_ = new Lifetimes(Duration.ofMinutes(10), Duration.ofMinutes(11), Duration.ofHours(4), 10);
        lab.laptop.with(settings -> settings.with(short_));
        lab.home.with(settings -> settings.with(short_));
        long spi = establish();
        IkeSa laptop = lab.laptop.engine.sa(spi).orElseThrow();
        ChildSa real = laptop.children.get(0);
        SaSpec unknown = new SaSpec(real.spec.peer(), 0x4242, 0x4343, real.spec.suite(), real.spec.inboundKey(),
                real.spec.outboundKey(), real.spec.peerEndpoint(), real.spec.esn());
        ChildRekey.added(laptop, unknown, real.suite, Optional.of(Sending.AFTER_FIRST_INBOUND));

        advance(Duration.ofMinutes(10).plusSeconds(59));
        assertTrue(lab.laptop.database.installed.contains(unknown), "refused (CHILD_SA_NOT_FOUND) but kept so far");
        advance(Duration.ofSeconds(1));

        assertFalse(lab.laptop.database.installed.contains(unknown), lab.laptop.database.installed.toString());
        assertTrue(lab.laptop.removedTold.contains(unknown));
        assertTrue(lab.laptop.log.has(LogLevel.WARN, "reached its lifetime"), lab.laptop.log.toString());
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
        assertEquals(1, single(lab.laptop.status()).children().size());
    }

    @Test
    void aChildSaWithoutEsnIsRekeyedEarlyNearTheEndOfItsSequenceNumbers() {
        lab.home.with(settings -> new IkeSettings(settings.ikeProposals(),
                new ChildProposals(settings.childProposals().ciphers(), List.of(false),
                        settings.childProposals().groups()), settings.suites(), settings.localEndpoint(),
                settings.retransmission(), settings.maxMessageLength(), settings.halfOpenTimeout()));
        establish();
        SaSpec old = single(lab.laptop.database.installed);
        assertFalse(old.esn());
        lab.scheduler.advance(Duration.ofSeconds(30));
        lab.run();
        assertEquals(old, single(lab.laptop.database.installed));

        lab.laptop.database.packetsOut.put(old.inboundSpi(), Lifetimes.SEQUENCE_LIMIT);
        lab.scheduler.advance(Duration.ofSeconds(10));
        lab.run();

        assertNotEquals(old.inboundSpi(), single(lab.laptop.database.installed).inboundSpi());
        assertMatching(single(lab.laptop.database.installed), single(lab.home.database.installed));
    }

    /** Lets time pass in steps of 100 ms, the network delivering after each, as a fast one would. */
    private void advance(Duration total) {
        for (long ms = 0; ms < total.toMillis(); ms += 100) {
            lab.scheduler.advance(Duration.ofMillis(100));
            lab.run();
        }
    }

    private long establish() {
        long spi = lab.initiate();
        lab.run();
        return spi;
    }

    private static IkeSettings withoutPfs(IkeSettings settings) {
        return new IkeSettings(settings.ikeProposals(), new ChildProposals(settings.childProposals().ciphers(),
                settings.childProposals().esn(), List.of()), settings.suites(), settings.localEndpoint(),
                settings.retransmission(), settings.maxMessageLength(), settings.halfOpenTimeout());
    }

    private static void assertMatching(SaSpec one, SaSpec other) {
        assertEquals(one.inboundSpi(), other.outboundSpi());
        assertEquals(one.outboundSpi(), other.inboundSpi());
        assertArrayEquals(one.inboundKey(), other.outboundKey());
        assertArrayEquals(one.outboundKey(), other.inboundKey());
    }

    private static List<Integer> childSpis(IkeSaStatus sa) {
        return sa.children().stream().map(ChildSaStatus::inboundSpi).toList();
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
