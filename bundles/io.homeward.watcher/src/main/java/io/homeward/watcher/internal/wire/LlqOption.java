package io.homeward.watcher.internal.wire;

import java.nio.ByteBuffer;
import java.util.List;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;

/**
 * The LLQ EDNS(0) option (RFC 8764 §3.2): version, opcode, error, 64-bit LLQ-ID, lease in seconds.
 */
public record LlqOption(int version, int opcode, int error, long id, long leaseSeconds) {
    static final int CODE = 1;
    public static final int VERSION = 1;
    public static final int SETUP = 1;
    public static final int REFRESH = 2;
    public static final int EVENT = 3;
    public static final int NO_ERROR = 0;
    public static final int NO_SUCH_LLQ = 4;
    /** UDP payload size Apple's client and server put in the OPT CLASS field. */
    static final int PAYLOAD_SIZE = 1440;
    private static final int DATA_LENGTH = 18;

    public static LlqOption of(int opcode, long id, long leaseSeconds) {
        return new LlqOption(VERSION, opcode, NO_ERROR, id, leaseSeconds);
    }

    public OPTRecord toOpt() {
        ByteBuffer data = ByteBuffer.allocate(DATA_LENGTH);
        data.putShort((short) version).putShort((short) opcode).putShort((short) error)
                .putLong(id).putInt((int) leaseSeconds);
        return new OPTRecord(PAYLOAD_SIZE, 0, 0, 0, List.of(new GenericEDNSOption(CODE, data.array())));
    }

    /** The first LLQ option of the message, or null when it carries none or a malformed one. */
    public static LlqOption from(Message message) {
        OPTRecord opt = message.getOPT();
        if (opt == null) {
            return null;
        }
        for (EDNSOption option : opt.getOptions(CODE)) {
            byte[] data = option.toWire();
            if (data.length < DATA_LENGTH + 4) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(data, 4, DATA_LENGTH);
            return new LlqOption(Short.toUnsignedInt(in.getShort()), Short.toUnsignedInt(in.getShort()),
                    Short.toUnsignedInt(in.getShort()), in.getLong(), Integer.toUnsignedLong(in.getInt()));
        }
        return null;
    }
}
