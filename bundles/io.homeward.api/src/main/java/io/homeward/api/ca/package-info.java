/**
 * The account certificate authority of a rendezvous: host certificates for enrolled hosts, their revocation and the
 * CRL (docs/enrollment.md).
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package io.homeward.api.ca;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
