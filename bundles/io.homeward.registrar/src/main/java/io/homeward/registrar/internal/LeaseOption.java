package io.homeward.registrar.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;

/** The Update Lease EDNS(0) option (RFC 9664 §4), code 2, in its 4-byte form: LEASE in seconds. */
final class LeaseOption {
    static final int CODE = 2;
    /** The UDP payload size Apple's clients advertise; harmless over TLS. */
    static final int PAYLOAD_SIZE = 1440;

    private LeaseOption() {
    }

    static OPTRecord request(Duration lease) {
        byte[] data = ByteBuffer.allocate(4).putInt((int) lease.toSeconds()).array();
        return new OPTRecord(PAYLOAD_SIZE, 0, 0, 0, List.of(new GenericEDNSOption(CODE, data)));
    }

    /**
     * The lease the server granted. RFC 9664 §4: with the option the requester MUST use the returned
     * value; the 8-byte form's first word is LEASE too. Empty when the server did not send the option.
     */
    static Optional<Duration> granted(Message response) {
        OPTRecord opt = response.getOPT();
        if (opt == null) {
            return Optional.empty();
        }
        for (EDNSOption option : opt.getOptions(CODE)) {
            byte[] wire = option.toWire();
            // toWire() is code(2) length(2) data; LEASE is the first four data bytes.
            if (wire.length >= 8) {
                return Optional.of(Duration.ofSeconds(ByteBuffer.wrap(wire, 4, 4).getInt() & 0xFFFFFFFFL));
            }
        }
        return Optional.empty();
    }
}
