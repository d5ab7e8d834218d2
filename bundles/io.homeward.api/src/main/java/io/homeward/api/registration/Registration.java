package io.homeward.api.registration;

import java.time.Instant;

/**
 * A published record set and its lease as the server granted it.
 *
 * @param records      what was published
 * @param leaseExpires when the server removes the records unless the lease is refreshed
 * @param server       the update server that accepted it, for display
 */
public record Registration(HostRecordSet records, Instant leaseExpires, String server) {
}
