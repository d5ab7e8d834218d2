/**
 * Record watching: subscribing to a DNS name and type and receiving the current answers, then add and remove events.
 *
 * <p>2.0: mechanisms are {@link io.homeward.api.watch.WatchMechanism}s and
 * {@link io.homeward.api.watch.SubscriptionState} carries the RR type code, as {@link io.homeward.api.watch.WatchedRecord}
 * does.
 */
@Export
@Version("2.0.0")
package io.homeward.api.watch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
