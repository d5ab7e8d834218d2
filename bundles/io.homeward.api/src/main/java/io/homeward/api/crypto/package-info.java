/**
 * Crypto suites: AEAD transforms that seal and open ESP payloads with a key.
 */
@Export
@Version("1.0.0")
package io.homeward.api.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
