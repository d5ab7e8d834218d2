/**
 * Peer directory: the user's other hosts and the current outer endpoint of each.
 */
@Export
@Version("1.1.0")
package io.homeward.api.peers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
