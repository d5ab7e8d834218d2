package io.homeward.tunnelport.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.tunnel.TunnelPortStatus;

/** Gogo command {@code homeward:tunnelport}: the port, its public endpoint and what arrived on it. */
@Component(service = TunnelPortCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=tunnelport"})
public class TunnelPortCommand {
    private final TunnelPortStatus port;

    @Activate
    public TunnelPortCommand(@Reference TunnelPortStatus port) {
        this.port = port;
    }

    public String tunnelport() {
        return PortText.render(port.report());
    }
}
