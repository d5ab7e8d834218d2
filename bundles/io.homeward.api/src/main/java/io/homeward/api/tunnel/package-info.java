/**
 * TUN devices and the tunnel's UDP port: the layer-3 interface through which the host's IPv6 packets enter and
 * leave the tunnel, and the one UDP port that carries them (and IKE) to the peers.
 *
 * <p>2.0: datagram handlers register on the {@link io.homeward.api.tunnel.TunnelPort} by
 * {@link io.homeward.api.tunnel.DatagramKind} instead of as whiteboard services with a kind property, and
 * STUN listeners are added on the port.
 */
@Export
@Version("2.1.0")
package io.homeward.api.tunnel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
