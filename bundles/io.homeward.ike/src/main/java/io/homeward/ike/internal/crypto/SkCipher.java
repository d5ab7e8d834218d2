package io.homeward.ike.internal.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.ike.internal.wire.EncryptedFragmentPayload;
import io.homeward.ike.internal.wire.EncryptedPayload;
import io.homeward.ike.internal.wire.IkeFormatException;
import io.homeward.ike.internal.wire.IkeHeader;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.PayloadType;
import io.homeward.ike.internal.wire.Payloads;

/**
 * Seals and opens the SK payload (RFC 7296 §3.14) and its fragments, SKF (RFC 7383 §2.5), of one IKE SA with an
 * ESP crypto suite's AEAD: AES-GCM (RFC 5282 §3) or ChaCha20-Poly1305 (RFC 7634 §3). The nonce is the salt from the
 * end of SK_e and an 8-octet explicit IV that counts up per key, so it never repeats; the AAD is the IKE header and
 * the payload's header (for SKF with the fragment fields), the message octets before the IV. Padding is empty: the
 * Pad Length octet alone. Not thread-safe: one per IKE SA.
 */
public final class SkCipher {
    public static final int IV_LENGTH = 8;
    private static final int SK_AAD = IkeHeader.LENGTH + Payloads.GENERIC_HEADER_LENGTH;
    private static final int SKF_AAD = IkeHeader.LENGTH + EncryptedFragmentPayload.HEADER_LENGTH;

    private final PacketAead outbound;
    private final PacketAead inbound;
    private final int icvLength;
    private long nextIv;

    /**
     * @param outbound the AEAD on the key this side sends with (SK_ei for the original initiator, else SK_er)
     * @param inbound  the AEAD on the peer's key
     * @param firstIv  the explicit IV of the first message sealed
     */
    public SkCipher(PacketAead outbound, PacketAead inbound, int icvLength, long firstIv) {
        this.outbound = outbound;
        this.inbound = inbound;
        this.icvLength = icvLength;
        this.nextIv = firstIv;
    }

    /** The cipher of an IKE SA whose SK_e keys the suite takes as its key material. */
    public static SkCipher of(CryptoSuite suite, IkeSaKeys keys, boolean originalInitiator)
            throws GeneralSecurityException {
        PacketAead ei = suite.newAead(keys.skEi());
        PacketAead er = suite.newAead(keys.skEr());
        return originalInitiator ? new SkCipher(ei, er, suite.icvLength(), 0)
                : new SkCipher(er, ei, suite.icvLength(), 0);
    }

    /** The whole message: the header (its chain and length filled in), and the SK payload around {@code inner}. */
    public byte[] seal(IkeHeader header, List<Payload> inner) throws GeneralSecurityException {
        byte[] plain = withPadLength(Payloads.encode(inner), 0, Payloads.length(inner));
        int payloadLength = Payloads.GENERIC_HEADER_LENGTH + IV_LENGTH + plain.length + icvLength;
        ByteBuffer out = ByteBuffer.allocate(IkeHeader.LENGTH + payloadLength);
        header.withChain(PayloadType.SK, out.capacity()).write(out);
        out.put((byte) Payloads.firstType(inner)).put((byte) 0).putShort((short) payloadLength);
        return sealed(out, SK_AAD, plain);
    }

    /**
     * The message as SKF fragments (RFC 7383 §2.5), each a datagram of at most {@code maxMessageLength} octets
     * (without the non-ESP marker), all with the header's message ID.
     */
    public List<byte[]> sealFragments(IkeHeader header, List<Payload> inner, int maxMessageLength)
            throws GeneralSecurityException {
        byte[] payloads = Payloads.encode(inner);
        int chunk = maxMessageLength - SKF_AAD - IV_LENGTH - 1 - icvLength;
        if (chunk < 1) {
            throw new IllegalArgumentException("no fragment fits in " + maxMessageLength + " octets");
        }
        int total = Math.max(1, (payloads.length + chunk - 1) / chunk);
        if (total > FragmentReassembly.MAX_FRAGMENTS) {
            throw new IllegalArgumentException(payloads.length + " octets need " + total + " fragments, more than "
                    + FragmentReassembly.MAX_FRAGMENTS);
        }
        List<byte[]> fragments = new ArrayList<>(total);
        for (int number = 1; number <= total; number++) {
            int from = (number - 1) * chunk;
            byte[] plain = withPadLength(payloads, from, Math.min(chunk, payloads.length - from));
            int payloadLength = EncryptedFragmentPayload.HEADER_LENGTH + IV_LENGTH + plain.length + icvLength;
            ByteBuffer out = ByteBuffer.allocate(IkeHeader.LENGTH + payloadLength);
            header.withChain(PayloadType.SKF, out.capacity()).write(out);
            out.put((byte) (number == 1 ? Payloads.firstType(inner) : PayloadType.NONE)).put((byte) 0)
                    .putShort((short) payloadLength).putShort((short) number).putShort((short) total);
            fragments.add(sealed(out, SKF_AAD, plain));
        }
        return fragments;
    }

    /**
     * The inner payloads of a decoded message whose last payload is SK, read from the datagram it was decoded from.
     *
     * @throws javax.crypto.AEADBadTagException when the ICV does not match: drop the message (RFC 7296 §2.21.2)
     * @throws IkeFormatException when the payload is too short or what it protects is malformed
     */
    public List<Payload> open(byte[] datagram, int offset, int length, IkeMessage message)
            throws GeneralSecurityException, IkeFormatException {
        if (!(last(message) instanceof EncryptedPayload sk)) {
            throw new IkeFormatException("message without an SK payload");
        }
        byte[] plain = opened(datagram, offset, length, sk.sealed());
        return Payloads.decode(sk.firstInner(), plain, 0, plain.length);
    }

    /** The payload octets one SKF fragment protects, for {@link FragmentReassembly}. */
    public Fragment openFragment(byte[] datagram, int offset, int length, IkeMessage message)
            throws GeneralSecurityException, IkeFormatException {
        if (!(last(message) instanceof EncryptedFragmentPayload skf)) {
            throw new IkeFormatException("message without an SKF payload");
        }
        return new Fragment(message.header().messageId(), skf.fragmentNumber(), skf.totalFragments(),
                skf.firstInner(), opened(datagram, offset, length, skf.sealed()));
    }

    private byte[] sealed(ByteBuffer out, int aadLength, byte[] plain) throws GeneralSecurityException {
        long iv = nextIv++;
        out.putLong(iv);
        byte[] message = out.array();
        outbound.seal(iv, message, aadLength, plain, 0, plain.length, message, aadLength + IV_LENGTH);
        return message;
    }

    /** The payload octets without padding; the AAD is every octet of the message before the IV. */
    private byte[] opened(byte[] datagram, int offset, int length, byte[] sealed)
            throws GeneralSecurityException, IkeFormatException {
        if (sealed.length < IV_LENGTH + 1 + icvLength) {
            throw new IkeFormatException("encrypted payload of " + sealed.length + " octets cannot hold IV, pad length"
                    + " and " + icvLength + "-octet ICV");
        }
        byte[] aad = Arrays.copyOfRange(datagram, offset, offset + length - sealed.length);
        long iv = ByteBuffer.wrap(sealed).getLong();
        byte[] plain = new byte[sealed.length - IV_LENGTH - icvLength];
        inbound.open(iv, aad, aad.length, sealed, IV_LENGTH, sealed.length - IV_LENGTH, plain, 0);
        int padLength = plain[plain.length - 1] & 0xFF;
        if (padLength > plain.length - 1) {
            throw new IkeFormatException("pad length " + padLength + " in " + plain.length + " decrypted octets");
        }
        return Arrays.copyOf(plain, plain.length - 1 - padLength);
    }

    private static byte[] withPadLength(byte[] payloads, int from, int length) {
        byte[] plain = new byte[length + 1];
        System.arraycopy(payloads, from, plain, 0, length);
        return plain;
    }

    private static Payload last(IkeMessage message) {
        List<Payload> payloads = message.payloads();
        return payloads.isEmpty() ? null : payloads.get(payloads.size() - 1);
    }

    /** What one opened SKF payload holds: a piece of the payload chain, the first piece naming its first type. */
    public record Fragment(int messageId, int number, int total, int firstInner, byte[] octets) {

        public Fragment {
            octets = octets.clone();
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }
    }
}
