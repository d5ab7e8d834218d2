package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Delete payload (RFC 7296 §3.11): the IKE SA (protocol 1, no SPIs) or Child SAs (protocol 3, the 4-octet SPIs the
 * sender receives on).
 */
public record DeletePayload(int protocol, List<Integer> spis) implements Payload {

    public DeletePayload {
        spis = List.copyOf(spis);
        if (spis.size() > 0xFFFF || protocol == Proposal.IKE && !spis.isEmpty()) {
            throw new IllegalArgumentException("a Delete payload names at most 65535 SPIs, the IKE SA's none");
        }
    }

    /** Deletes the IKE SA the message belongs to, and with it its Child SAs. */
    public static DeletePayload ikeSa() {
        return new DeletePayload(Proposal.IKE, List.of());
    }

    static DeletePayload read(WireReader in) throws IkeFormatException {
        int protocol = in.u8("delete protocol ID");
        int spiSize = in.u8("delete SPI size");
        int count = in.u16("number of SPIs");
        if (protocol == Proposal.IKE) {
            if (spiSize != 0 || count != 0 || in.remaining() != 0) {
                throw new IkeFormatException("an IKE SA delete carries no SPIs (RFC 7296 §3.11)");
            }
            return ikeSa();
        }
        if (spiSize != 4 || in.remaining() != 4 * count) {
            throw new IkeFormatException("delete of " + count + " SPIs of " + spiSize + " octets in "
                    + in.remaining() + " octets; ESP and AH SPIs have 4");
        }
        List<Integer> spis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            spis.add(in.u32("SPI"));
        }
        return new DeletePayload(protocol, spis);
    }

    @Override
    public int type() {
        return PayloadType.DELETE;
    }

    @Override
    public int bodyLength() {
        return 4 + 4 * spis.size();
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put((byte) protocol).put((byte) (protocol == Proposal.IKE ? 0 : 4)).putShort((short) spis.size());
        spis.forEach(out::putInt);
    }
}
