/**
 * Port mapping: asking the gateway in front of this host for an inbound mapping (PCP, NAT-PMP, UPnP IGD).
 */
@Export
@Version("1.0.0")
package io.homeward.api.portmap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
