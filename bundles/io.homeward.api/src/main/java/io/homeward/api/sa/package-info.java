/**
 * Security association database: the ESP SAs keyed by the peer's ULA.
 */
@Export
@Version("1.6.0")
package io.homeward.api.sa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
