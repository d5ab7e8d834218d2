package io.homeward.api.rendezvous;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored record of a zone.
 *
 * @param name         owner name, absolute
 * @param type         type mnemonic, for example {@code AAAA}
 * @param ttl          time to live in seconds
 * @param rdata        RDATA in presentation format
 * @param leaseExpires when the update lease that added it runs out; empty for records without a lease
 */
public record ZoneRecord(String name, String type, long ttl, String rdata, Optional<Instant> leaseExpires) {
}
