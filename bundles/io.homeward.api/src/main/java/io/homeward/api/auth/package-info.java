/**
 * Credentials: who this host signs in as, and the keys that prove it.
 */
@Export
@Version("1.1.0")
package io.homeward.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
