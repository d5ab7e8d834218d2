package io.homeward.ike.internal;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo command {@code homeward:ike}: the IKE SAs (peer, role, state, endpoints, algorithms, age, Child SA) and the
 * peers; {@code homeward:ike initiate HOST} starts an IKE SA now, {@code homeward:ike delete HOST} removes the SA
 * pair here and forgets the IKE SAs (no INFORMATIONAL DELETE is sent yet).
 */
@Component(service = IkeCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=ike"})
public class IkeCommand {
    private static final String USAGE = "usage: homeward:ike [initiate HOST | delete HOST]";

    private final IkeComponent ike;

    @Activate
    public IkeCommand(@Reference IkeComponent ike) {
        this.ike = ike;
    }

    public String ike() {
        return ike.report().text();
    }

    public String ike(String action, String host) {
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "initiate" -> ike.initiate(host.trim());
            case "delete" -> ike.delete(host.trim());
            default -> USAGE;
        };
    }
}
