package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.ike.internal.wire.CertPayload;
import io.homeward.ike.internal.wire.EncryptedPayload;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IdPayload;
import io.homeward.ike.internal.wire.IkeFormatException;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.PayloadType;
import io.homeward.ike.internal.wire.Payloads;

/** The SK payload (RFC 7296 §3.14, RFC 5282, RFC 7634) and its fragments (RFC 7383) on both ESP suites. */
class SkCipherTest {
    private static final IkeHeader HEADER = IkeHeader.of(0x1122334455667788L, 0x99aabbccddeeff00L,
            ExchangeType.IKE_AUTH, false, true, 1);
    private static final List<Payload> INNER = List.of(IdPayload.fqdn(false, "laptop.alice.members.example"),
            NotifyPayload.of(NotifyType.MOBIKE_SUPPORTED));

    @Test
    void whatOneSideSealsTheOtherOpens() throws Exception {
        for (CryptoSuite suite : List.of(Suites.AES_GCM, Suites.CHACHA20)) {
            IkeSaKeys keys = keys(suite);
            SkCipher initiator = SkCipher.of(suite, keys, true);
            SkCipher responder = SkCipher.of(suite, keys, false);

            byte[] request = initiator.seal(HEADER, INNER);
            List<Payload> opened = open(responder, request);
            byte[] response = responder.seal(IkeHeader.of(1, 2, ExchangeType.IKE_AUTH, true, false, 1), List.of());

            assertArrayEquals(Payloads.encode(INNER), Payloads.encode(opened), suite.name());
            assertEquals(List.of(), open(initiator, response));
            assertEquals(PayloadType.IDI, request[IkeHeader.LENGTH]);
            assertEquals(request.length, IkeMessage.decode(request, 0, request.length).header().length());
        }
    }

    @Test
    void theIvCountsUpSoThatItNeverRepeats() throws Exception {
        SkCipher initiator = SkCipher.of(Suites.AES_GCM, keys(Suites.AES_GCM), true);

        byte[] first = initiator.seal(HEADER, INNER);
        byte[] second = initiator.seal(HEADER, INNER);

        assertEquals(0, ByteBuffer.wrap(first).getLong(32));
        assertEquals(1, ByteBuffer.wrap(second).getLong(32));
    }

    @Test
    void everyOctetIsAuthenticatedFromTheHeaderOn() throws Exception {
        for (CryptoSuite suite : List.of(Suites.AES_GCM, Suites.CHACHA20)) {
            IkeSaKeys keys = keys(suite);
            byte[] sealed = SkCipher.of(suite, keys, true).seal(HEADER, INNER);
            SkCipher responder = SkCipher.of(suite, keys, false);
            for (int i = 0; i < sealed.length; i++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= 0x40;
                int at = i;
                Exception refused = assertThrows(Exception.class, () -> open(responder, tampered), "octet " + at);
                assertTrue(refused instanceof AEADBadTagException || refused instanceof IkeFormatException,
                        "octet " + at + ": " + refused);
            }
            assertEquals(INNER.size(), open(responder, sealed).size());
        }
    }

    @Test
    void aPeersPaddingIsAcceptedAndAnImpossiblePadLengthRefused() throws Exception {
        IkeSaKeys keys = keys(Suites.AES_GCM);
        PacketAead peer = Suites.AES_GCM.newAead(keys.skEi());
        SkCipher responder = SkCipher.of(Suites.AES_GCM, keys, false);
        byte[] payloads = Payloads.encode(INNER);

        byte[] padded = sealByHand(peer, payloads, new byte[] {(byte) 0xEE, (byte) 0xEE, (byte) 0xEE, 3}, 9);
        byte[] overlong = sealByHand(peer, payloads, new byte[] {(byte) 200}, 10);

        assertArrayEquals(payloads, Payloads.encode(open(responder, padded)));
        IkeFormatException refused = assertThrows(IkeFormatException.class, () -> open(responder, overlong));
        assertTrue(refused.getMessage().startsWith("pad length 200"), refused.getMessage());
    }

    @Test
    void anEncryptedPayloadTooShortForIvAndIcvIsMalformed() {
        byte[] wire = new IkeMessage(HEADER, List.of(new EncryptedPayload(
                PayloadType.NONE, new byte[24]))).encode();

        assertThrows(IkeFormatException.class, () -> open(SkCipher.of(Suites.AES_GCM, keys(Suites.AES_GCM), false), wire));
    }

    @Test
    void randomCiphertextIsRefusedNeverThrownThrough() throws Exception {
        SkCipher responder = SkCipher.of(Suites.CHACHA20, keys(Suites.CHACHA20), false);
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] sealed = new byte[random.nextInt(80)];
            random.nextBytes(sealed);
            byte[] wire = new IkeMessage(HEADER, List.of(new EncryptedPayload(
                    PayloadType.IDI, sealed))).encode();
            Exception refused = assertThrows(Exception.class, () -> open(responder, wire));
            assertTrue(refused instanceof AEADBadTagException || refused instanceof IkeFormatException, refused.toString());
        }
    }

    @Test
    void fragmentsReassembleInAnyOrder() throws Exception {
        IkeSaKeys keys = keys(Suites.AES_GCM);
        SkCipher initiator = SkCipher.of(Suites.AES_GCM, keys, true);
        SkCipher responder = SkCipher.of(Suites.AES_GCM, keys, false);
        List<Payload> inner = List.of(IdPayload.fqdn(false, "laptop.alice.members.example"),
                new CertPayload(CertPayload.X509_SIGNATURE, new byte[900]), NotifyPayload.of(NotifyType.MOBIKE_SUPPORTED));

        List<byte[]> fragments = new ArrayList<>(initiator.sealFragments(HEADER, inner, 300));

        assertEquals(4, fragments.size());
        fragments.forEach(fragment -> assertTrue(fragment.length <= 300));
        assertEquals(PayloadType.IDI, fragments.get(0)[IkeHeader.LENGTH]);
        assertEquals(PayloadType.NONE, fragments.get(1)[IkeHeader.LENGTH]);
        Collections.shuffle(fragments, new Random(3));
        fragments.add(1, fragments.get(0));
        FragmentReassembly reassembly = new FragmentReassembly();
        Optional<List<Payload>> whole = Optional.empty();
        for (byte[] fragment : fragments) {
            assertTrue(whole.isEmpty());
            whole = reassembly.add(responder.openFragment(fragment, 0, fragment.length,
                    IkeMessage.decode(fragment, 0, fragment.length)));
        }
        assertArrayEquals(Payloads.encode(inner), Payloads.encode(whole.orElseThrow()));
    }

    @Test
    void aLargerTotalStartsOverAndASmallerOneIsIgnored() throws Exception {
        IkeSaKeys keys = keys(Suites.AES_GCM);
        SkCipher initiator = SkCipher.of(Suites.AES_GCM, keys, true);
        SkCipher responder = SkCipher.of(Suites.AES_GCM, keys, false);
        List<Payload> inner = List.of(new CertPayload(CertPayload.X509_SIGNATURE, new byte[500]));
        List<byte[]> coarse = initiator.sealFragments(HEADER, inner, 400);
        List<byte[]> fine = initiator.sealFragments(HEADER, inner, 200);
        FragmentReassembly reassembly = new FragmentReassembly();

        assertTrue(reassembly.add(fragment(responder, coarse.get(0))).isEmpty());
        for (int i = 0; i < fine.size() - 1; i++) {
            assertTrue(reassembly.add(fragment(responder, fine.get(i))).isEmpty());
        }
        assertTrue(reassembly.add(fragment(responder, coarse.get(1))).isEmpty());

        assertEquals(1, reassembly.add(fragment(responder, fine.get(fine.size() - 1))).orElseThrow().size());
    }

    @Test
    void reassemblyIsBounded() {
        FragmentReassembly reassembly = new FragmentReassembly();
        assertThrows(IkeFormatException.class, () -> reassembly.add(new SkCipher.Fragment(1, 1, 65, 0, new byte[1])));
        assertThrows(IkeFormatException.class, () -> {
            for (int number = 1; number <= 64; number++) {
                reassembly.add(new SkCipher.Fragment(1, number, 64, PayloadType.CERT, new byte[1100]));
            }
        });
        assertThrows(IllegalArgumentException.class, () -> SkCipher.of(Suites.AES_GCM, keys(Suites.AES_GCM), true)
                .sealFragments(HEADER, INNER, 60));
    }

    private static SkCipher.Fragment fragment(SkCipher cipher, byte[] wire) throws Exception {
        return cipher.openFragment(wire, 0, wire.length, IkeMessage.decode(wire, 0, wire.length));
    }

    /** An SK message sealed with the given padding and pad length octets, as another implementation may. */
    private static byte[] sealByHand(PacketAead aead, byte[] payloads, byte[] padding, long iv)
            throws GeneralSecurityException {
        byte[] plain = new byte[payloads.length + padding.length];
        System.arraycopy(payloads, 0, plain, 0, payloads.length);
        System.arraycopy(padding, 0, plain, payloads.length, padding.length);
        int skLength = 4 + 8 + plain.length + 16;
        ByteBuffer out = ByteBuffer.allocate(IkeHeader.LENGTH + skLength);
        HEADER.withChain(PayloadType.SK, out.capacity()).write(out);
        out.put((byte) PayloadType.IDI).put((byte) 0).putShort((short) skLength).putLong(iv);
        aead.seal(iv, out.array(), 32, plain, 0, plain.length, out.array(), 40);
        return out.array();
    }

    private static List<Payload> open(SkCipher cipher, byte[] wire) throws Exception {
        return cipher.open(wire, 0, wire.length, IkeMessage.decode(wire, 0, wire.length));
    }

    private static IkeSaKeys keys(CryptoSuite suite) {
        byte[] ni = new byte[32];
        byte[] nr = new byte[32];
        nr[0] = 1;
        return IkeSaKeys.derive(Prf.HMAC_SHA2_256, 32 + suite.saltLength(), new byte[32], ni, nr, 1, 2);
    }
}
