package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Traffic Selector payload TSi or TSr (RFC 7296 §3.13): one to 255 selectors. */
public record TrafficSelectorPayload(boolean responder, List<TrafficSelector> selectors) implements Payload {

    public TrafficSelectorPayload {
        selectors = List.copyOf(selectors);
        if (selectors.isEmpty() || selectors.size() > 255) {
            throw new IllegalArgumentException("a traffic selector payload has 1 to 255 selectors");
        }
    }

    static TrafficSelectorPayload read(boolean responder, WireReader in) throws IkeFormatException {
        int count = in.u8("number of TSs");
        in.skip(3, "TS reserved");
        if (count == 0) {
            throw new IkeFormatException("traffic selector payload without selectors");
        }
        List<TrafficSelector> selectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            selectors.add(TrafficSelector.read(in));
        }
        if (in.remaining() != 0) {
            throw new IkeFormatException(in.remaining() + " octets after " + count + " traffic selectors");
        }
        return new TrafficSelectorPayload(responder, selectors);
    }

    @Override
    public int type() {
        return responder ? PayloadType.TSR : PayloadType.TSI;
    }

    @Override
    public int bodyLength() {
        return 4 + selectors.stream().mapToInt(TrafficSelector::length).sum();
    }

    @Override
    public void writeBody(ByteBuffer out) {
        out.put((byte) selectors.size()).put(new byte[3]);
        selectors.forEach(selector -> selector.write(out));
    }
}
