/**
 * TUN devices: a layer-3 interface through which the host's IPv6 packets enter and leave the tunnel.
 */
@Export
@Version("1.0.0")
package io.homeward.api.tunnel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
