package io.homeward.itests.bench;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.OPTRecord;

/** The LLQ EDNS(0) option (RFC 8764 §3.2): code 1, version, opcode, error, 64-bit LLQ-ID, lease. */
final class LlqOptions {
    static final int CODE = 1;
    static final int VERSION = 1;
    static final int SETUP = 1;
    static final int EVENT = 3;
    private static final int DATA_LENGTH = 18;

    private LlqOptions() {
    }

    static EDNSOption setup(long llqId, long lease) {
        return new GenericEDNSOption(CODE, ByteBuffer.allocate(DATA_LENGTH).putShort((short) VERSION)
                .putShort((short) SETUP).putShort((short) 0).putLong(llqId).putInt((int) lease).array());
    }

    /** The LLQ option of a message, empty when it has none or it is not 18 bytes long. */
    static Optional<Llq> of(OPTRecord opt) {
        if (opt == null) {
            return Optional.empty();
        }
        List<EDNSOption> options = opt.getOptions(CODE);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        EDNSOption raw = options.get(0);
        ByteBuffer data = ByteBuffer.wrap(raw.toWire());
        data.position(4);
        if (data.remaining() != DATA_LENGTH) {
            return Optional.empty();
        }
        data.getShort();
        return Optional.of(new Llq(data.getShort() & 0xffff, data.getShort() & 0xffff, data.getLong(),
                Integer.toUnsignedLong(data.getInt()), raw));
    }

    /** A parsed option and the option itself, which an event acknowledgement copies. */
    record Llq(int opcode, int error, long id, long lease, EDNSOption raw) {
    }
}
