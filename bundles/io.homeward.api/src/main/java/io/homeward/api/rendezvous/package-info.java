/**
 * Read-only views of a running rendezvous for operators: zones and their records with leases,
 * the DNS listeners, and the long-lived queries and push subscriptions it holds.
 */
@Export
@Version("1.0.0")
package io.homeward.api.rendezvous;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
