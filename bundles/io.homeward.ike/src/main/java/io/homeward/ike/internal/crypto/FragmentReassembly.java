package io.homeward.ike.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

import io.homeward.ike.internal.wire.IkeFormatException;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.Payloads;

/**
 * Collects the authenticated fragments of one message (RFC 7383 §2.6) and reads the whole payload chain once all
 * are in. A fragment of another message or with a larger total starts over (§2.6.1 after a PMTU change); one with a
 * smaller total, or a duplicate, is ignored. Bounded: at most {@link #MAX_FRAGMENTS} fragments and
 * {@link #MAX_OCTETS} octets. Not thread-safe: one per IKE SA and direction.
 */
public final class FragmentReassembly {
    public static final int MAX_FRAGMENTS = 64;
    /** An IKE message travels in one UDP datagram when it is not fragmented; reassembled it is no larger. */
    public static final int MAX_OCTETS = 0xFFFF;

    private SkCipher.Fragment[] pieces;
    private int messageId;
    private int received;
    private int octets;

    /** Adds one opened fragment; gives the message's payloads when it was the last missing one. */
    public Optional<List<Payload>> add(SkCipher.Fragment fragment) throws IkeFormatException {
        if (fragment.total() > MAX_FRAGMENTS) {
            throw new IkeFormatException("message in " + fragment.total() + " fragments, at most " + MAX_FRAGMENTS);
        }
        if (pieces == null || fragment.messageId() != messageId || fragment.total() > pieces.length) {
            pieces = new SkCipher.Fragment[fragment.total()];
            messageId = fragment.messageId();
            received = 0;
            octets = 0;
        } else if (fragment.total() < pieces.length || pieces[fragment.number() - 1] != null) {
            return Optional.empty();
        }
        octets += fragment.octets().length;
        if (octets > MAX_OCTETS) {
            pieces = null;
            throw new IkeFormatException("fragments of message " + Integer.toUnsignedString(messageId) + " exceed "
                    + MAX_OCTETS + " octets");
        }
        pieces[fragment.number() - 1] = fragment;
        received++;
        if (received < pieces.length) {
            return Optional.empty();
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream(octets);
        for (SkCipher.Fragment piece : pieces) {
            whole.writeBytes(piece.octets());
        }
        int firstInner = pieces[0].firstInner();
        pieces = null;
        byte[] chain = whole.toByteArray();
        return Optional.of(Payloads.decode(firstInner, chain, 0, chain.length));
    }
}
