/**
 * Where the user's other hosts can reach this one: the public endpoint of the tunnel port and how it was learned.
 * The port-mapping chooser and STUN feed it; the registrar, the record watcher and IKE (MOBIKE) listen to it.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package io.homeward.api.endpoint;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
