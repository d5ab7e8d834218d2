package io.homeward.rendezvous.dns.internal.update;

import java.util.Optional;

import io.homeward.rendezvous.dns.internal.lease.UpdateLease;

/**
 * How an UPDATE ended.
 *
 * @param rcode         the response code
 * @param granted       the lease to echo (RFC 9664: in every successful answer to a request that had one)
 * @param journalOffset the journal offset the change must be durable up to before it is acknowledged; 0 when
 *                      nothing was written
 */
public record UpdateResult(int rcode, Optional<UpdateLease> granted, long journalOffset) {

    static UpdateResult of(int rcode) {
        return new UpdateResult(rcode, Optional.empty(), 0);
    }
}
