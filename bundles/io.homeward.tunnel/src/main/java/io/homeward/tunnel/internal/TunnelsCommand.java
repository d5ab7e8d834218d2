package io.homeward.tunnel.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo command {@code homeward:tunnels}: the interface, each SA pair with its peer, endpoint, suite, ESN on or off,
 * counters and drops, for a peer with several pairs (a rekey) which one sends, and the packets held for peers being
 * keyed on demand.
 */
@Component(service = TunnelsCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=tunnels"})
public class TunnelsCommand {
    private final TunnelComponent tunnel;

    @Activate
    public TunnelsCommand(@Reference TunnelComponent tunnel) {
        this.tunnel = tunnel;
    }

    public String tunnels() {
        return tunnel.report().text();
    }
}
