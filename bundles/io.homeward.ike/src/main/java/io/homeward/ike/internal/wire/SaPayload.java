package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Security Association payload (RFC 7296 §3.3): proposals numbered from 1 in order of preference. */
public record SaPayload(List<Proposal> proposals) implements Payload {
    /** Proposal numbers are one octet and start at 1. */
    public static final int MAX_PROPOSALS = 255;

    public SaPayload {
        proposals = List.copyOf(proposals);
        if (proposals.isEmpty() || proposals.size() > MAX_PROPOSALS) {
            throw new IllegalArgumentException("an SA payload has 1 to 255 proposals");
        }
    }

    static SaPayload read(WireReader in) throws IkeFormatException {
        List<Proposal> proposals = new ArrayList<>();
        boolean[] last = {false};
        while (!last[0]) {
            if (proposals.size() == MAX_PROPOSALS) {
                throw new IkeFormatException("SA payload with more than " + MAX_PROPOSALS + " proposals");
            }
            Proposal proposal = Proposal.read(in, last);
            int expected = proposals.isEmpty() ? 1 : proposals.get(proposals.size() - 1).number() + 1;
            if (proposal.number() != expected && !(proposals.isEmpty() && last[0])) {
                throw new IkeFormatException("proposal number " + proposal.number() + " where " + expected
                        + " was due (RFC 7296 §3.3.1)");
            }
            proposals.add(proposal);
        }
        if (in.remaining() != 0) {
            throw new IkeFormatException(in.remaining() + " octets after the last proposal");
        }
        return new SaPayload(proposals);
    }

    @Override
    public int type() {
        return PayloadType.SA;
    }

    @Override
    public int bodyLength() {
        return proposals.stream().mapToInt(Proposal::length).sum();
    }

    @Override
    public void writeBody(ByteBuffer out) {
        for (int i = 0; i < proposals.size(); i++) {
            proposals.get(i).write(out, i == proposals.size() - 1);
        }
    }
}
