package io.homeward.api.rendezvous;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored record of a zone.
 *
 * @param name         owner name, absolute
 * @param type         RR type code (RFC 1035 / IANA), for example 28 for AAAA
 * @param ttl          time to live in seconds
 * @param rdata        RDATA in presentation format
 * @param leaseExpires when the update lease that added it runs out; empty for records without a lease
 */
public record ZoneRecord(String name, int type, long ttl, String rdata, Optional<Instant> leaseExpires) {
}
