package io.homeward.ike.internal;

import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo command {@code homeward:ike}: the IKE SAs (peer, role, state, endpoints, algorithms, age, Child SA) and the
 * peers with where keying stands; {@code homeward:ike initiate HOST} keys the host now as the autotunnel would
 * (TunnelKeying.key), {@code homeward:ike delete HOST} deletes its IKE SAs, the peer told, and removes the SA pair,
 * {@code homeward:ike rekey HOST} rekeys
 * the Child SA with the host and {@code homeward:ike rekey-ike HOST} its IKE SA (RFC 7296 §2.8, §2.18).
 */
@Component(service = IkeCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=ike"})
public class IkeCommand {
    private static final String USAGE =
            "usage: homeward:ike [initiate HOST | delete HOST | rekey HOST | rekey-ike HOST]";

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
            case "rekey" -> ike.rekeyChild(host.trim());
            case "rekey-ike" -> ike.rekeyIke(host.trim());
            default -> USAGE;
        };
    }
}
