package io.homeward.itests.bench;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;

import org.xbill.DNS.Name;

/** One watch mechanism holding many subscriptions on the server, reporting each event to a {@link LatencyLog}. */
interface SubscriptionLoad extends AutoCloseable {
    /** Subscribes to every name, waiting at most {@code timeout} in all; what is not held by then counts as failed. */
    Opened open(List<Name> names, Duration timeout) throws IOException, GeneralSecurityException,
            InterruptedException;

    /** How the subscriptions travel, e.g. "4 TLS connections". */
    String carriers();

    @Override
    void close();

    /**
     * @param held         the names now subscribed
     * @param failed       subscriptions refused, failed or unanswered
     * @param firstFailure why the first one failed, empty when none did
     */
    record Opened(List<Name> held, int failed, String firstFailure) {
    }
}
