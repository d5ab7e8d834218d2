package io.homeward.tunnel.internal;

import java.security.GeneralSecurityException;

import io.homeward.api.crypto.PacketAead;

/**
 * Builds outbound ESP packets for one SA (RFC 4303 §3.3, AEAD per RFC 4106 §3 and RFC 7634 §2): SPI, the low 32
 * bits of the sequence number, the 64-bit sequence number as explicit IV (so an IV never repeats under one key),
 * then the sealed payload, padding 1, 2, 3... to a 4-octet boundary, Pad Length and Next Header, and the ICV.
 * Used by one thread only; allocates nothing per packet.
 */
final class EspSealer {
    static final int IV_LENGTH = Long.BYTES;
    private static final long LIMIT_32 = 0xFFFF_FFFFL;

    private final PacketAead aead;
    private final int spi;
    private final boolean esn;
    private final int icvLength;
    private final long limit;
    private final byte[] aad = new byte[12];
    private volatile long sequence;

    /**
     * @param esn           Extended Sequence Numbers: 64-bit counter, 12-octet AAD; else 32-bit, 8-octet AAD
     * @param lastSequence  the sequence number already used, 0 for a new SA (the first packet carries 1)
     */
    EspSealer(PacketAead aead, int spi, boolean esn, int icvLength, long lastSequence) {
        this.aead = aead;
        this.spi = spi;
        this.esn = esn;
        this.icvLength = icvLength;
        this.limit = esn ? -1L : LIMIT_32;
        this.sequence = lastSequence;
    }

    /** The largest ESP packet sealing an inner packet of this length can produce. */
    int maxSealedLength(int innerLength) {
        return Esp.HEADER + IV_LENGTH + innerLength + 3 + Esp.TRAILER + icvLength;
    }

    /**
     * Seals {@code in[offset, offset+length)} into {@code out} from {@code outOffset}, which must have room for
     * {@link #maxSealedLength}.
     *
     * @return the ESP packet's length, or -1 when the sequence numbers are exhausted (RFC 4303 §3.3.3: the
     *         counter must not cycle; the SA needs rekeying)
     */
    int seal(int nextHeader, byte[] in, int offset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        if (exhausted()) {
            return -1;
        }
        // Incremented before sealing: even a failed seal never lets the IV repeat.
        long number = sequence + 1;
        sequence = number;
        Bytes.putInt(out, outOffset, spi);
        Bytes.putInt(out, outOffset + 4, (int) number);
        Bytes.putLong(out, outOffset + Esp.HEADER, number);
        int plain = outOffset + Esp.HEADER + IV_LENGTH;
        System.arraycopy(in, offset, out, plain, length);
        // IV and ciphertext end on a 4-octet boundary so the ICV is aligned (RFC 4303 §2.4).
        int padding = (4 - (IV_LENGTH + length + Esp.TRAILER) % 4) % 4;
        int end = plain + length;
        for (int i = 1; i <= padding; i++) {
            out[end++] = (byte) i;
        }
        out[end++] = (byte) padding;
        out[end++] = (byte) nextHeader;
        int aadLength = EspAad.fill(aad, spi, number, esn);
        int sealed = aead.seal(number, aad, aadLength, out, plain, end - plain, out, plain);
        return Esp.HEADER + IV_LENGTH + sealed;
    }

    /** Whether this SA uses Extended Sequence Numbers. */
    boolean esn() {
        return esn;
    }

    /** Whether the last sequence number was used: the SA can send no more. */
    boolean exhausted() {
        return sequence == limit;
    }

    /** The last sequence number used; readable from any thread. */
    long sequence() {
        return sequence;
    }
}
