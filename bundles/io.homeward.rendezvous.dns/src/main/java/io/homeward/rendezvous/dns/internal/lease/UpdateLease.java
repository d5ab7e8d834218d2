package io.homeward.rendezvous.dns.internal.lease;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.OPTRecord;

/**
 * The Update Lease EDNS(0) option (RFC 9664, option code 2): LEASE alone (4 bytes), or LEASE and KEY-LEASE
 * (8 bytes). A 4-byte request means both leases are equal and gets a 4-byte answer.
 *
 * @param lease    seconds for every record but KEY records
 * @param keyLease seconds for KEY records
 * @param longForm whether the 8-byte form was used
 */
public record UpdateLease(long lease, long keyLease, boolean longForm) {
    public static final int CODE = 2;
    private static final int HEADER = 4;

    /**
     * The lease a message asks for, empty when it carries none.
     *
     * @throws IllegalArgumentException when the option is malformed or repeated (the request gets FORMERR)
     */
    public static Optional<UpdateLease> from(OPTRecord opt) {
        if (opt == null) {
            return Optional.empty();
        }
        List<EDNSOption> options = opt.getOptions(CODE);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        if (options.size() > 1) {
            throw new IllegalArgumentException("more than one Update Lease option");
        }
        ByteBuffer data = ByteBuffer.wrap(options.get(0).toWire());
        data.position(HEADER);
        return switch (data.remaining()) {
            case 4 -> {
                long lease = Integer.toUnsignedLong(data.getInt());
                yield Optional.of(new UpdateLease(lease, lease, false));
            }
            case 8 -> Optional.of(new UpdateLease(Integer.toUnsignedLong(data.getInt()),
                    Integer.toUnsignedLong(data.getInt()), true));
            default -> throw new IllegalArgumentException(
                    "an Update Lease option of " + data.remaining() + " bytes (4 or 8 expected)");
        };
    }

    public EDNSOption toOption() {
        ByteBuffer data = ByteBuffer.allocate(longForm ? 8 : 4);
        data.putInt((int) lease);
        if (longForm) {
            data.putInt((int) keyLease);
        }
        return new GenericEDNSOption(CODE, data.array());
    }
}
