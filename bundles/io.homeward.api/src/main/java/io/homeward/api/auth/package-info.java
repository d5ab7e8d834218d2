/**
 * Credentials: who this host signs in as, and the keys that prove it; since 1.2 the host's own key and certificate,
 * and the certificates the account revoked.
 */
@Export
@Version("1.2.0")
package io.homeward.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
