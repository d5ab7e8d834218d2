/**
 * Read-only views of a running rendezvous for operators: zones and their records with leases,
 * the DNS listeners, and the long-lived queries and push subscriptions it holds.
 *
 * <p>2.0: RR types are type codes, listener transports {@link io.homeward.api.dns.DnsTransport}s and watch mechanisms
 * {@link io.homeward.api.watch.WatchMechanism}s.
 */
@Export
@Version("2.2.0")
package io.homeward.api.rendezvous;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
