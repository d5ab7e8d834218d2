package io.homeward.kit.dns.wire;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;

/**
 * The LLQ EDNS(0) option (RFC 8764 §3.2): option code 1 with 18 bytes of data — version, opcode, error, the
 * 64-bit LLQ-ID and the lease in seconds.
 */
public record LlqOption(int version, int opcode, int error, long id, long leaseSeconds) {
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
    /** The UDP payload size Apple's client and server put in the OPT CLASS field. */
    public static final int PAYLOAD_SIZE = 1440;
    private static final int DATA_LENGTH = 18;
    private static final int OPTION_HEADER_LENGTH = 4;

    /** An option of this version without an error, as a client sends it. */
    public static LlqOption of(int opcode, long id, long leaseSeconds) {
        return new LlqOption(VERSION, opcode, NO_ERROR, id, leaseSeconds);
    }

    /** An option of this version, as a server answers. */
    public static LlqOption reply(int opcode, int error, long id, long leaseSeconds) {
        return new LlqOption(VERSION, opcode, error, id, leaseSeconds);
    }

    /**
     * The LLQ option of an OPT record, empty when it has none.
     *
     * @throws IllegalArgumentException when the option has the wrong length or is repeated (an LLQ message
     *                                  carries one question, so one option)
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
        data.position(OPTION_HEADER_LENGTH);
        if (data.remaining() != DATA_LENGTH) {
            throw new IllegalArgumentException("an LLQ option of " + data.remaining() + " bytes (18 expected)");
        }
        return Optional.of(new LlqOption(data.getShort() & 0xffff, data.getShort() & 0xffff,
                data.getShort() & 0xffff, data.getLong(), Integer.toUnsignedLong(data.getInt())));
    }

    /** The LLQ option of a message, empty when it carries none or a malformed one. */
    public static Optional<LlqOption> find(Message message) {
        try {
            return from(message.getOPT());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public EDNSOption toOption() {
        ByteBuffer data = ByteBuffer.allocate(DATA_LENGTH);
        data.putShort((short) version).putShort((short) opcode).putShort((short) error).putLong(id)
                .putInt((int) leaseSeconds);
        return new GenericEDNSOption(CODE, data.array());
    }

    /** An OPT record that carries only this option, with the {@link #PAYLOAD_SIZE}. */
    public OPTRecord toOpt() {
        return new OPTRecord(PAYLOAD_SIZE, 0, 0, 0, List.of(toOption()));
    }
}
