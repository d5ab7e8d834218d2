/**
 * Record registration: publishing and withdrawing a host's reachability record set with an update lease.
 */
@Export
@Version("1.1.0")
package io.homeward.api.registration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
