/**
 * TUN devices and the tunnel's UDP port: the layer-3 interface through which the host's IPv6 packets enter and
 * leave the tunnel, and the one UDP port that carries them (and IKE) to the peers.
 */
@Export
@Version("1.1.0")
package io.homeward.api.tunnel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
