/**
 * Runtime status: which providers are installed for each capability contract and which is in use.
 */
@Export
@Version("1.0.0")
package io.homeward.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
