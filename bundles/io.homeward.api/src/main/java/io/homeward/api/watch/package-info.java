/**
 * Record watching: subscribing to a DNS name and type and receiving the current answers, then add and remove events.
 */
@Export
@Version("1.1.0")
package io.homeward.api.watch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
