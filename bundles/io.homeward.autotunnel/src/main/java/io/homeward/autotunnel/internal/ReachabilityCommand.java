package io.homeward.autotunnel.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands {@code homeward:reach} (one line per peer: tunnel, last packets, round trip, endpoint and how it was
 * learned) and {@code homeward:ping [-c N] HOST} (keys the tunnel when there is none, then measures the round trip
 * through it, like {@code tailscale ping}).
 */
@Component(service = ReachabilityCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=reach",
        "osgi.command.function=ping"})
public class ReachabilityCommand {
    private static final String USAGE = "usage: homeward:ping [-c COUNT] HOST";

    private final AutotunnelComponent autotunnel;

    @Activate
    public ReachabilityCommand(@Reference AutotunnelComponent autotunnel) {
        this.autotunnel = autotunnel;
    }

    public String reach() {
        return autotunnel.report().text();
    }

    public String ping(String host) throws InterruptedException {
        return autotunnel.ping(host, 1).text();
    }

    public String ping(String option, int count, String host) throws InterruptedException {
        return "-c".equals(option) ? autotunnel.ping(host, count).text() : USAGE;
    }
}
