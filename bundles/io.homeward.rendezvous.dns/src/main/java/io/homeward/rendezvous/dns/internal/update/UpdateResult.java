package io.homeward.rendezvous.dns.internal.update;

import java.util.Optional;

import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;

import io.homeward.rendezvous.dns.internal.lease.UpdateLease;

/**
 * How an UPDATE ended.
 *
 * @param rcode   the response code
 * @param granted the lease to echo (RFC 9664: in every successful answer to a request that had one)
 * @param durable resolves once the change is durable, or fails when it could not be made so; acknowledge the
 *                UPDATE only then. Already resolved for a refusal, which depends on no change.
 */
public record UpdateResult(int rcode, Optional<UpdateLease> granted, Promise<Void> durable) {
    /** Resolved, with callbacks run at once on the caller's thread. */
    static final Promise<Void> NOTHING_WRITTEN = new PromiseFactory(PromiseFactory.inlineExecutor()).resolved(null);

    static UpdateResult of(int rcode) {
        return new UpdateResult(rcode, Optional.empty(), NOTHING_WRITTEN);
    }
}
