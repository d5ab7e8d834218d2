/**
 * Port mapping: asking the gateway in front of this host for an inbound mapping (PCP, NAT-PMP, UPnP IGD).
 *
 * <p>2.0: {@link io.homeward.api.portmap.PortMappingListener}s are added on the
 * {@link io.homeward.api.portmap.PortMapper}, no longer picked up as whiteboard services.
 *
 * <p>3.0: the mapper protocol is a {@link io.homeward.api.portmap.MapperProtocol}.
 */
@Export
@Version("3.0.0")
package io.homeward.api.portmap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
