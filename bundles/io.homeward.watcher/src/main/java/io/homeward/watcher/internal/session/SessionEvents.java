package io.homeward.watcher.internal.session;

import java.util.Collection;
import java.util.function.Predicate;

import io.homeward.api.watch.WatchedRecord;

/** What a session tells its subscription, always on the logic thread. */
public interface SessionEvents {

    /** The mechanism works: changes will now arrive. */
    void established();

    /** The complete current answer set (LLQ ACK, a poll, the query after a DNS Push SUBSCRIBE). */
    void answers(Collection<WatchedRecord> records);

    void added(WatchedRecord record);

    void removed(WatchedRecord record);

    void removedAll(Predicate<WatchedRecord> filter);

    /** When the current lease ends, for the status page; 0 when the mechanism has no lease. */
    void leaseExpires(long epochMillis);

    /**
     * The mechanism's session was lost and is being opened again on its own (the shared DNS Push session): no
     * changes arrive until {@link #established()} and a fresh {@link #answers}; a {@link #failed} instead means it
     * could not be opened again.
     */
    void interrupted(String reason);

    /**
     * The session ended or could not start.
     *
     * @param retryAfterMillis the least time the server asked us to wait, 0 when it did not ask
     * @param trustFailure     true when the server failed authentication (certificate pin)
     */
    void failed(String reason, long retryAfterMillis, boolean trustFailure);
}
