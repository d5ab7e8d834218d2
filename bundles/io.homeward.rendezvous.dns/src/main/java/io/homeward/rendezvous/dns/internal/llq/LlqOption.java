package io.homeward.rendezvous.dns.internal.llq;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.OPTRecord;

/**
 * The LLQ EDNS(0) option (RFC 8764 §3.2): option code 1 with 18 bytes of data — version, opcode, error,
 * the 64-bit LLQ-ID and the lease in seconds.
 */
public record LlqOption(int version, int opcode, int error, long id, long lease) {
    public static final int CODE = 1;
    public static final int VERSION = 1;
    public static final int SETUP = 1;
    public static final int REFRESH = 2;
    public static final int EVENT = 3;
    public static final int NO_ERROR = 0;
    public static final int SERV_FULL = 1;
    public static final int FORMAT_ERR = 3;
    public static final int NO_SUCH_LLQ = 4;
    public static final int BAD_VERS = 5;
    private static final int DATA_LENGTH = 18;
    private static final int HEADER = 4;

    /**
     * The LLQ option of a message, empty when it has none.
     *
     * @throws IllegalArgumentException when the option has the wrong length or is repeated (one question per
     *                                  message is all this server answers)
     */
    public static Optional<LlqOption> from(OPTRecord opt) {
        if (opt == null) {
            return Optional.empty();
        }
        List<EDNSOption> options = opt.getOptions(CODE);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        if (options.size() > 1) {
            throw new IllegalArgumentException("more than one LLQ option");
        }
        ByteBuffer data = ByteBuffer.wrap(options.get(0).toWire());
        data.position(HEADER);
        if (data.remaining() != DATA_LENGTH) {
            throw new IllegalArgumentException("an LLQ option of " + data.remaining() + " bytes (18 expected)");
        }
        return Optional.of(new LlqOption(data.getShort() & 0xffff, data.getShort() & 0xffff,
                data.getShort() & 0xffff, data.getLong(), Integer.toUnsignedLong(data.getInt())));
    }

    public static LlqOption reply(int opcode, int error, long id, long lease) {
        return new LlqOption(VERSION, opcode, error, id, lease);
    }

    public EDNSOption toOption() {
        ByteBuffer data = ByteBuffer.allocate(DATA_LENGTH);
        data.putShort((short) version).putShort((short) opcode).putShort((short) error).putLong(id)
                .putInt((int) lease);
        return new GenericEDNSOption(CODE, data.array());
    }
}
