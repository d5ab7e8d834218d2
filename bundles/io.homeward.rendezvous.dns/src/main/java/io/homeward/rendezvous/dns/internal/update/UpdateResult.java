package io.homeward.rendezvous.dns.internal.update;

import java.util.Optional;

import io.homeward.rendezvous.dns.internal.lease.UpdateLease;

/**
 * How an UPDATE ended.
 *
 * @param rcode   the response code
 * @param granted the lease to echo (RFC 9664: in every successful answer to a request that had one)
 */
public record UpdateResult(int rcode, Optional<UpdateLease> granted) {

    static UpdateResult of(int rcode) {
        return new UpdateResult(rcode, Optional.empty());
    }
}
