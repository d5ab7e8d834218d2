package io.homeward.ike.internal.proposal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.homeward.crypto.aesgcm.internal.AesGcmSuite;
import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.crypto.Prf;
import io.homeward.ike.internal.wire.Payloads;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.Transform;
import io.homeward.testkit.RecordingLogger;

/** Choosing transforms (RFC 7296 §2.7, §3.3.6) against offers shaped like strongSwan's defaults. */
class ProposalsTest {
    private static final Aead AES_256 = new Aead(Aead.AES_GCM_16, 256);
    private static final Aead AES_128 = new Aead(Aead.AES_GCM_16, 128);
    private static final Aead CHACHA = new Aead(Aead.CHACHA20_POLY1305, 256);
    private static final IkeProposals IKE = new IkeProposals(List.of(AES_256, AES_128, CHACHA),
            List.of(Prf.HMAC_SHA2_256, Prf.HMAC_SHA2_384), List.of(KeyExchangeGroup.CURVE25519, KeyExchangeGroup.ECP_256));
    private static final ChildProposals ESP = new ChildProposals(List.of(AES_128, AES_256, CHACHA), List.of(false, true),
            List.of(KeyExchangeGroup.CURVE25519));

    /** strongSwan's "default" IKE proposals: a non-AEAD one first, then the AEAD one. */
    private static final SaPayload STRONGSWAN_IKE = new SaPayload(List.of(
            new Proposal(1, Proposal.IKE, new byte[0], List.of(new Transform(Transform.ENCR, 12, 128),
                    new Transform(Transform.ENCR, 12, 256), new Transform(Transform.INTEG, 12),
                    new Transform(Transform.INTEG, 14), new Transform(Transform.PRF, 5), new Transform(Transform.PRF, 7),
                    new Transform(Transform.KE, 31), new Transform(Transform.KE, 19), new Transform(Transform.KE, 20))),
            new Proposal(2, Proposal.IKE, new byte[0], List.of(new Transform(Transform.ENCR, 20, 128),
                    new Transform(Transform.ENCR, 20, 192), new Transform(Transform.ENCR, 20, 256),
                    new Transform(Transform.ENCR, 28), new Transform(Transform.PRF, 6), new Transform(Transform.PRF, 5),
                    new Transform(Transform.KE, 20), new Transform(Transform.KE, 19), new Transform(Transform.KE, 31)))));

    @Test
    void theOfferIsTheWorkedExamplesSaPayload() {
        IkeProposals one = new IkeProposals(List.of(AES_256), List.of(Prf.HMAC_SHA2_256),
                List.of(KeyExchangeGroup.CURVE25519));

        assertEquals("0000002401010003" + "0300000c01000014800e0100" + "0300000802000005" + "000000080400001f",
                HexFormat.of().formatHex(Payloads.encode(List.of(one.offer(new byte[0]))), 4, 40));
    }

    @Test
    void theResponderTakesTheAeadProposalWithItsOwnPreferences() {
        IkeChoice choice = IKE.choose(STRONGSWAN_IKE, 31).orElseThrow();

        assertEquals(2, choice.proposalNumber());
        assertEquals(new IkeSuite(AES_256, Prf.HMAC_SHA2_256, KeyExchangeGroup.CURVE25519), choice.suite());
        SaPayload answer = choice.answer(new byte[0]);
        assertEquals(List.of(new Transform(Transform.ENCR, 20, 256), new Transform(Transform.PRF, 5),
                new Transform(Transform.KE, 31)), answer.proposals().get(0).transforms());
        assertEquals(Optional.of(choice.suite()),
                IKE.accepted(IKE.choose(IKE.offer(new byte[0]), 31).orElseThrow().answer(new byte[0])));
    }

    @Test
    void theKePayloadsGroupWinsWhenAllowedElseOursForInvalidKe() {
        assertEquals(KeyExchangeGroup.ECP_256, IKE.choose(STRONGSWAN_IKE, 19).orElseThrow().suite().group());
        assertEquals(KeyExchangeGroup.CURVE25519, IKE.choose(STRONGSWAN_IKE, 20).orElseThrow().suite().group());
    }

    @Test
    void nothingAcceptableIsNoProposalChosen() {
        SaPayload cbcOnly = new SaPayload(List.of(STRONGSWAN_IKE.proposals().get(0)));
        SaPayload unknownType = new SaPayload(List.of(new Proposal(1, Proposal.IKE, new byte[0], List.of(
                new Transform(Transform.ENCR, 28), new Transform(Transform.PRF, 5), new Transform(Transform.KE, 31),
                new Transform(6, 36)))));
        SaPayload integrity = new SaPayload(List.of(new Proposal(1, Proposal.IKE, new byte[0], List.of(
                new Transform(Transform.ENCR, 28), new Transform(Transform.INTEG, 12), new Transform(Transform.PRF, 5),
                new Transform(Transform.KE, 31)))));
        SaPayload noKe = new SaPayload(List.of(new Proposal(1, Proposal.IKE, new byte[0], List.of(
                new Transform(Transform.ENCR, 28), new Transform(Transform.PRF, 5)))));
        SaPayload chachaWithKeyLength = new SaPayload(List.of(new Proposal(1, Proposal.IKE, new byte[0], List.of(
                new Transform(Transform.ENCR, 28, 256), new Transform(Transform.PRF, 5), new Transform(Transform.KE, 31)))));

        for (SaPayload offer : List.of(cbcOnly, unknownType, integrity, noKe, chachaWithKeyLength)) {
            assertTrue(IKE.choose(offer, 31).isEmpty(), offer.toString());
        }
        assertTrue(IKE.accepted(STRONGSWAN_IKE).isEmpty());
        assertTrue(IKE.accepted(IKE.choose(STRONGSWAN_IKE, 31).orElseThrow().answer(new byte[0])).isEmpty(),
                "we offered proposal 1 only");
    }

    @Test
    void anEspOfferCarriesTheSpiEveryCipherAndTheEsnChoices() {
        Proposal offer = ESP.offer(0xC0FFEE01, false).proposals().get(0);

        assertEquals(Proposal.ESP, offer.protocol());
        assertArrayEquals(ByteBuffer.allocate(4).putInt(0xC0FFEE01).array(), offer.spi());
        assertEquals(List.of(AES_128.transform(), AES_256.transform(), CHACHA.transform(),
                new Transform(Transform.ESN, 0), new Transform(Transform.ESN, 1)), offer.transforms());
        assertEquals(6, ESP.offer(1, true).proposals().get(0).transforms().size());
    }

    @Test
    void theResponderTakesStrongSwansNoEsnProposalAndTheInitiatorsSpi() {
        SaPayload strongSwan = new SaPayload(List.of(
                new Proposal(1, Proposal.ESP, new byte[] {1, 2, 3, 4}, List.of(new Transform(Transform.ENCR, 12, 256),
                        new Transform(Transform.INTEG, 12), new Transform(Transform.ESN, 0))),
                new Proposal(2, Proposal.ESP, new byte[] {1, 2, 3, 4}, List.of(new Transform(Transform.ENCR, 20, 256),
                        new Transform(Transform.ESN, 0))),
                new Proposal(3, Proposal.ESP, new byte[] {1, 2, 3, 4}, List.of(new Transform(Transform.ENCR, 28),
                        new Transform(Transform.ESN, 0)))));

        ChildChoice choice = ESP.choose(strongSwan, OptionalInt.empty()).orElseThrow();
        ChildChoice ours = ESP.choose(ESP.offer(5, false), OptionalInt.empty()).orElseThrow();

        assertEquals(2, choice.proposalNumber());
        assertEquals(new ChildSuite(AES_256, false, Optional.empty()), choice.suite());
        assertEquals(0x01020304, choice.peerSpi());
        assertTrue(ESP.accepted(choice.answer(0xC0FFEE02), OptionalInt.empty()).isEmpty(), "we offered proposal 1 only");
        ChildChoice accepted = ESP.accepted(ours.answer(0xC0FFEE02), OptionalInt.empty()).orElseThrow();
        assertEquals(new ChildSuite(AES_128, false, Optional.empty()), accepted.suite());
        assertEquals(0xC0FFEE02, accepted.peerSpi());
    }

    @Test
    void esnFollowsOurPreferenceAndPfsTheKePayload() {
        ChildChoice homeward = ESP.choose(ESP.offer(7, true), OptionalInt.of(31)).orElseThrow();
        ChildProposals esnFirst = new ChildProposals(List.of(CHACHA), List.of(true, false), List.of());

        assertEquals(new ChildSuite(AES_128, false, Optional.of(KeyExchangeGroup.CURVE25519)), homeward.suite());
        assertTrue(esnFirst.choose(ESP.offer(7, false), OptionalInt.empty()).orElseThrow().suite().esn());
        assertEquals(Optional.empty(), ESP.choose(ESP.offer(7, false), OptionalInt.of(31)), "PFS needs a KE transform");
        assertEquals(3, homeward.answer(8).proposals().get(0).transforms().size());
        assertTrue(ESP.accepted(homeward.answer(8), OptionalInt.empty()).isEmpty());
    }

    @Test
    void aChildSaRekeyOffersPfsFirstAndTheSameWithoutForAResponderWithoutIt() {
        Optional<KeyExchangeGroup> pfs = Optional.of(KeyExchangeGroup.CURVE25519);
        SaPayload offer = ESP.rekeyOffer(0x1234, pfs);
        ChildProposals withoutPfs = new ChildProposals(List.of(AES_128), List.of(false), List.of());

        assertEquals(List.of(1, 2), offer.proposals().stream().map(Proposal::number).toList());
        assertEquals(ESP.offer(0x1234, false).proposals().get(0).transforms(), offer.proposals().get(1).transforms());
        ChildChoice withGroup = ESP.choose(offer, OptionalInt.of(31)).orElseThrow();
        ChildChoice without = withoutPfs.choose(offer, OptionalInt.empty()).orElseThrow();
        assertEquals(pfs, withGroup.suite().group());
        assertEquals(pfs, ESP.acceptedRekey(withGroup.answer(9), pfs).orElseThrow().suite().group());
        assertEquals(Optional.empty(), ESP.acceptedRekey(without.answer(9), pfs).orElseThrow().suite().group());
        assertEquals(9, ESP.acceptedRekey(without.answer(9), pfs).orElseThrow().peerSpi());
        assertTrue(ESP.acceptedRekey(withGroup.answer(9), Optional.empty()).isEmpty(), "a group not offered");
        assertEquals(1, ESP.rekeyOffer(0x1234, Optional.empty()).proposals().size());
    }

    @Test
    void espProposalsWithoutEsnOrWithAnotherSpiSizeAreRefused() {
        SaPayload noEsn = new SaPayload(List.of(new Proposal(1, Proposal.ESP, new byte[4], List.of(
                new Transform(Transform.ENCR, 28)))));
        SaPayload longSpi = new SaPayload(List.of(new Proposal(1, Proposal.ESP, new byte[8], List.of(
                new Transform(Transform.ENCR, 28), new Transform(Transform.ESN, 0)))));
        SaPayload ah = new SaPayload(List.of(new Proposal(1, Proposal.AH, new byte[4], List.of(
                new Transform(Transform.INTEG, 12), new Transform(Transform.ESN, 0)))));

        for (SaPayload offer : List.of(noEsn, longSpi, ah)) {
            assertTrue(ESP.choose(offer, OptionalInt.empty()).isEmpty(), offer.toString());
        }
    }

    @Test
    void anInstalledSuiteOffersItsLargerKeysFirst() {
        AesGcmSuite suite = new AesGcmSuite(new AesGcmSuite.Config() {
            @Override
            public int service_ranking() {
                return 200;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return AesGcmSuite.Config.class;
            }
        }, new RecordingLogger().logger());

        assertEquals(List.of(AES_256, AES_128), Aead.of(suite));
        assertEquals(36, AES_256.keyMaterialLength());
        assertEquals(20, AES_128.keyMaterialLength());
    }
}
