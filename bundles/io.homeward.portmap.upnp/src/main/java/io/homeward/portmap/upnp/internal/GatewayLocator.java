package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.osgi.service.log.Logger;

/**
 * Finds the gateway's WAN connection service: from the configured root description URL, else by
 * SSDP; then fetches and reads the device description.
 */
final class GatewayLocator {
    private final URI configuredRoot;
    private final SsdpDiscovery ssdp;
    private final Duration discoveryTimeout;
    private final BoundedHttp http;
    private final Logger log;

    /** @param configuredRoot the operator's root description URL, or null to discover */
    GatewayLocator(URI configuredRoot, SsdpDiscovery ssdp, Duration discoveryTimeout, BoundedHttp http, Logger log) {
        this.configuredRoot = configuredRoot;
        this.ssdp = ssdp;
        this.discoveryTimeout = discoveryTimeout;
        this.http = http;
        this.log = log;
    }

    WanService locate() throws IOException {
        URI root = configuredRoot != null ? configuredRoot : ssdp.discover(discoveryTimeout).orElseThrow(
                () -> new IOException("no UPnP Internet gateway answered SSDP within " + discoveryTimeout.toSeconds()
                        + " s (UPnP may be disabled on the router)"));
        BoundedHttp.Response response = http.get(root);
        if (response.status() != 200) {
            throw new IOException("the gateway's device description " + root + " answered HTTP " + response.status());
        }
        WanService service = DeviceDescription.parse(response.body(), root);
        log.info("UPnP gateway " + root + ": " + service.serviceType() + " at " + service.controlUrl());
        return service;
    }
}
