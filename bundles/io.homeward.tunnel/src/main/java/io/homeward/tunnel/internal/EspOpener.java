package io.homeward.tunnel.internal;

import java.security.GeneralSecurityException;

import io.homeward.api.crypto.PacketAead;

/**
 * Verifies and decrypts inbound ESP packets of one SA in place, in the order of RFC 4303 §3.4: length, anti-replay
 * check, ICV, anti-replay update, padding, Next Header. Used by one thread only; allocates nothing for a good packet.
 */
final class EspOpener {
    /** What became of a packet; only {@link #DELIVER} leaves an inner packet to hand on. */
    enum Outcome {
        DELIVER,
        /** Next Header 59: authentic, silently discarded (RFC 4303 §2.6). */
        DUMMY,
        TOO_SHORT,
        REPLAY,
        BAD_ICV,
        /** Authentic, but the padding is not 1, 2, 3... (RFC 4303 §2.4) or longer than the payload. */
        BAD_PADDING,
        /** Authentic, but carries something other than IPv6. */
        UNSUPPORTED_NEXT_HEADER;

        /** Whether the packet passed the ICV: whoever sent it holds the SA's key. */
        boolean authentic() {
            return this != TOO_SHORT && this != REPLAY && this != BAD_ICV;
        }
    }

    private final PacketAead aead;
    private final int spi;
    private final boolean esn;
    private final int icvLength;
    private final ReplayWindow window;
    private final byte[] aad = new byte[12];
    private int innerOffset;
    private int innerLength;

    /** @param replayWindow how many sequence numbers up to the highest one are accepted once (RFC 4303 §3.4.3) */
    EspOpener(PacketAead aead, int spi, boolean esn, int icvLength, int replayWindow) {
        this.aead = aead;
        this.spi = spi;
        this.esn = esn;
        this.icvLength = icvLength;
        this.window = new ReplayWindow(replayWindow);
    }

    /** Opens the ESP packet {@code buf[offset, offset+length)}, overwriting its ciphertext with the plaintext. */
    Outcome open(byte[] buf, int offset, int length) {
        int encrypted = offset + Esp.HEADER + EspSealer.IV_LENGTH;
        int sealedLength = length - Esp.HEADER - EspSealer.IV_LENGTH;
        if (sealedLength < Esp.TRAILER + icvLength) {
            return Outcome.TOO_SHORT;
        }
        int wireSequence = Bytes.getInt(buf, offset + 4);
        long sequence = esn ? window.extend(wireSequence) : wireSequence & 0xFFFF_FFFFL;
        if (!window.check(sequence)) {
            return Outcome.REPLAY;
        }
        int aadLength = EspAad.fill(aad, spi, sequence, esn);
        long iv = Bytes.getLong(buf, offset + Esp.HEADER);
        int plainLength;
        try {
            plainLength = aead.open(iv, aad, aadLength, buf, encrypted, sealedLength, buf, encrypted);
        } catch (GeneralSecurityException e) {
            return Outcome.BAD_ICV;
        }
        window.update(sequence);
        return unpad(buf, encrypted, plainLength);
    }

    private Outcome unpad(byte[] buf, int plain, int plainLength) {
        int nextHeader = buf[plain + plainLength - 1] & 0xFF;
        int padding = buf[plain + plainLength - 2] & 0xFF;
        int payload = plainLength - Esp.TRAILER - padding;
        if (payload < 0) {
            return Outcome.BAD_PADDING;
        }
        for (int i = 1; i <= padding; i++) {
            if ((buf[plain + payload + i - 1] & 0xFF) != i) {
                return Outcome.BAD_PADDING;
            }
        }
        if (nextHeader == Esp.NEXT_HEADER_NONE) {
            return Outcome.DUMMY;
        }
        if (nextHeader != Esp.NEXT_HEADER_IPV6) {
            return Outcome.UNSUPPORTED_NEXT_HEADER;
        }
        innerOffset = plain;
        innerLength = payload;
        return Outcome.DELIVER;
    }

    /** Where the inner packet of the last delivered packet starts in its buffer. */
    int innerOffset() {
        return innerOffset;
    }

    int innerLength() {
        return innerLength;
    }

    /** The highest authenticated sequence number. */
    long highestSequence() {
        return window.highest();
    }

    /** How many sequence numbers below the highest one are still accepted once. */
    int replayWindow() {
        return window.size();
    }
}
