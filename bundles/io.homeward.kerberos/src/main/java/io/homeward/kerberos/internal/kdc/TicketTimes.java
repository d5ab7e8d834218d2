package io.homeward.kerberos.internal.kdc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.wire.ErrorCodes;

/** The time and encryption type choices both exchanges make (RFC 4120 §3.1.3, §3.3.3). */
final class TicketTimes {
    private TicketTimes() {
    }

    /** A requested time of 19700101000000Z asks for the longest the KDC allows (RFC 4120 §5.4.1 "till"). */
    static Instant requested(Instant asked) {
        return asked.equals(Instant.EPOCH) ? Instant.MAX : asked;
    }

    static Instant earliest(Instant first, Instant... others) {
        Instant earliest = first;
        for (Instant other : others) {
            if (other.isBefore(earliest)) {
                earliest = other;
            }
        }
        return earliest;
    }

    /** The first type of the client's list, in its order of preference, that this KDC speaks. */
    static EncryptionType etype(List<Integer> offered) throws KdcRefusal {
        Optional<EncryptionType> spoken = offered.stream().map(EncryptionType::of).flatMap(Optional::stream)
                .findFirst();
        return spoken.orElseThrow(() -> new KdcRefusal(ErrorCodes.KDC_ERR_ETYPE_NOSUPP, "the client offers etypes "
                + offered + ", this KDC speaks 18 (aes256-cts-hmac-sha1-96) and 20 (aes256-cts-hmac-sha384-192)"));
    }
}
