package io.homeward.portmap.upnp.internal;

import java.net.URI;

/**
 * The gateway's WAN connection service: its exact service type (needed verbatim in SOAP) and its
 * absolute control URL.
 */
record WanService(String serviceType, URI controlUrl) {
    static final String IP_PREFIX = "urn:schemas-upnp-org:service:WANIPConnection:";
    static final String PPP_PREFIX = "urn:schemas-upnp-org:service:WANPPPConnection:";

    /** IGD v2 (WANIPConnection:2) offers AddAnyPortMapping and refuses permanent leases. */
    boolean isVersion2() {
        return serviceType.equals(IP_PREFIX + "2");
    }
}
