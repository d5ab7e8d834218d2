/**
 * Host identity: the stable EUI-64, the ULA derived from it (RFC 4193) and the host's DNS names.
 */
@Export
@Version("2.0.0")
package io.homeward.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
