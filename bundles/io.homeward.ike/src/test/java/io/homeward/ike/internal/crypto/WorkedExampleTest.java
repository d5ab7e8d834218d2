package io.homeward.ike.internal.crypto;

import static io.homeward.ike.internal.crypto.WorkedExample.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IdPayload;
import io.homeward.ike.internal.wire.IkeFormatException;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.KePayload;
import io.homeward.ike.internal.wire.NoncePayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.SaPayload;
import io.homeward.ike.internal.wire.Transform;

/** The acceptance vectors: every worked example of shared/protocols/ikev2.md, byte for byte. */
class WorkedExampleTest {

    @Test
    void x25519KeysAndSharedSecretAreThoseOfRfc7748() throws GeneralSecurityException {
        X25519Exchange alice = WorkedExample.x25519(WorkedExample.ALICE_PRIVATE);
        X25519Exchange bob = WorkedExample.x25519(WorkedExample.BOB_PRIVATE);

        assertEquals(WorkedExample.KEI, HEX.formatHex(alice.publicValue()));
        assertEquals(WorkedExample.KER, HEX.formatHex(bob.publicValue()));
        assertEquals(WorkedExample.GIR, HEX.formatHex(alice.sharedSecret(bob.publicValue())));
        assertEquals(WorkedExample.GIR, HEX.formatHex(bob.sharedSecret(alice.publicValue())));
    }

    @Test
    void ikeSaKeysAreTheVerifiedOnes() {
        byte[] gir = HEX.parseHex(WorkedExample.GIR);
        assertEquals(WorkedExample.SKEYSEED,
                HEX.formatHex(IkeSaKeys.skeyseed(Prf.HMAC_SHA2_256, gir, WorkedExample.NI, WorkedExample.NR)));

        IkeSaKeys keys = keys();

        assertEquals(WorkedExample.SK_D, HEX.formatHex(keys.skD()));
        assertEquals(WorkedExample.SK_EI, HEX.formatHex(keys.skEi()));
        assertEquals(WorkedExample.SK_ER, HEX.formatHex(keys.skEr()));
        assertEquals(WorkedExample.SK_PI, HEX.formatHex(keys.skPi()));
        assertEquals(WorkedExample.SK_PR, HEX.formatHex(keys.skPr()));
    }

    @Test
    void theFirstChildSaKeysAreTheVerifiedOnes() {
        ChildSaKeys child = ChildSaKeys.derive(Prf.HMAC_SHA2_256, keys().skD(), WorkedExample.NI, WorkedExample.NR,
                128 / 8 + 4);

        assertEquals(WorkedExample.CHILD_I_TO_R, HEX.formatHex(child.initiatorToResponder()));
        assertEquals(WorkedExample.CHILD_R_TO_I, HEX.formatHex(child.responderToInitiator()));
        assertArrayEquals(child.initiatorToResponder(), child.outbound(true));
        assertArrayEquals(child.initiatorToResponder(), child.inbound(false));
        assertArrayEquals(child.responderToInitiator(), child.inbound(true));
    }

    @Test
    void theCodecBuildsTheVerifiedIkeSaInitRequest() {
        assertEquals(WorkedExample.REQUEST, HEX.formatHex(WorkedExample.request().encode()));
    }

    @Test
    void theVerifiedIkeSaInitRequestDecodes() throws IkeFormatException {
        byte[] wire = HEX.parseHex(WorkedExample.REQUEST);
        IkeMessage message = IkeMessage.decode(wire, 0, wire.length);

        assertEquals(WorkedExample.SPI_I, message.header().initiatorSpi());
        assertEquals(0, message.header().responderSpi());
        assertEquals(ExchangeType.IKE_SA_INIT.code(), message.header().exchangeType());
        assertTrue(message.header().fromOriginalInitiator());
        Transform encryption = message.first(SaPayload.class).orElseThrow().proposals().get(0).transforms().get(0);
        assertEquals(new Transform(Transform.ENCR, 20, 256), encryption);
        assertEquals(31, message.first(KePayload.class).orElseThrow().group());
        assertArrayEquals(WorkedExample.NI, message.first(NoncePayload.class).orElseThrow().data());
        assertTrue(NatDetection.matches(message.notifies(NotifyType.NAT_DETECTION_SOURCE_IP).get(0).data(),
                WorkedExample.SPI_I, 0, WorkedExample.SOURCE));
        assertArrayEquals(wire, message.encode());
    }

    @Test
    void natDetectionHashesAreTheVerifiedOnes() {
        assertEquals(WorkedExample.NAT_SOURCE,
                HEX.formatHex(NatDetection.hash(WorkedExample.SPI_I, 0, WorkedExample.SOURCE)));
        assertEquals(WorkedExample.NAT_DESTINATION,
                HEX.formatHex(NatDetection.hash(WorkedExample.SPI_I, 0, WorkedExample.DESTINATION)));
    }

    @Test
    void theEncryptedDpdRequestIsTheVerifiedOne() throws Exception {
        IkeSaKeys keys = keys();
        SkCipher initiator = new SkCipher(Suites.AES_GCM.newAead(keys.skEi()), Suites.AES_GCM.newAead(keys.skEr()),
                16, 2);
        byte[] dpd = initiator.seal(IkeHeader.of(WorkedExample.SPI_I, WorkedExample.SPI_R, ExchangeType.INFORMATIONAL,
                false, true, 2), List.of());

        assertEquals(WorkedExample.DPD, HEX.formatHex(dpd));

        SkCipher responder = SkCipher.of(Suites.AES_GCM, keys, false);
        byte[] wire = HEX.parseHex(WorkedExample.DPD);
        assertEquals(List.of(), responder.open(wire, 0, wire.length, IkeMessage.decode(wire, 0, wire.length)));
    }

    @Test
    void authOctetsGiveTheVerifiedMacedIdAndPreSharedKeyAuth() {
        IkeSaKeys keys = keys();
        IdPayload id = IdPayload.fqdn(false, WorkedExample.ID_FQDN);
        assertEquals("02000000616c696365", HEX.formatHex(id.restOfPayload()).substring(0, 18));
        assertEquals(WorkedExample.MACED_ID_FOR_I,
                HEX.formatHex(AuthOctets.macedId(Prf.HMAC_SHA2_256, keys.skPi(), id)));

        byte[] octets = AuthOctets.signed(HEX.parseHex(WorkedExample.REQUEST), WorkedExample.NR, Prf.HMAC_SHA2_256,
                keys.skPi(), id);
        // RFC 7296 §2.15: AUTH = prf(prf(Shared Secret, "Key Pad for IKEv2"), <InitiatorSignedOctets>).
        byte[] pad = Prf.HMAC_SHA2_256.apply(WorkedExample.PSK.getBytes(StandardCharsets.US_ASCII),
                "Key Pad for IKEv2".getBytes(StandardCharsets.US_ASCII));
        assertEquals(WorkedExample.PSK_AUTH, HEX.formatHex(Prf.HMAC_SHA2_256.apply(pad, octets)));
    }

    private static IkeSaKeys keys() {
        return IkeSaKeys.derive(Prf.HMAC_SHA2_256, 256 / 8 + 4, HEX.parseHex(WorkedExample.GIR), WorkedExample.NI,
                WorkedExample.NR, WorkedExample.SPI_I, WorkedExample.SPI_R);
    }
}
