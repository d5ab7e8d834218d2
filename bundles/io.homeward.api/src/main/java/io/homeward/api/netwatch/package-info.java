/**
 * Network changes: an interface going up or down, an address added or removed, the default route
 * changing. Whoever depends on the network (port mapping, registration, watching) listens.
 */
@Export
@Version("1.1.0")
package io.homeward.api.netwatch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
