package io.homeward.ike.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;

import io.homeward.api.peers.Peer;

/**
 * The peers named by an {@code io.homeward.tunnel.manualsa} factory configuration, by host name or ULA, as
 * configuration admin holds them now: manual keys win over IKE (docs/architecture.md, "Data flows").
 */
final class ConfiguredManualSas implements ManualSaPeers {
    static final String FACTORY_PID = "io.homeward.tunnel.manualsa";
    private static final String FILTER = "(service.factoryPid=" + FACTORY_PID + ")";

    private final ConfigurationAdmin admin;
    private final Logger log;

    ConfiguredManualSas(ConfigurationAdmin admin, Logger log) {
        this.admin = admin;
        this.log = log;
    }

    @Override
    public boolean keyedByHand(Peer peer) {
        Configuration[] configurations;
        try {
            configurations = admin.listConfigurations(FILTER);
        } catch (IOException | InvalidSyntaxException e) {
            log.warn("IKE cannot read the manually keyed SAs ({}); it takes {} as keyed by hand", e.getMessage(),
                    peer.hostName());
            return true;
        }
        if (configurations == null) {
            return false;
        }
        for (Configuration configuration : configurations) {
            Object named = configuration.getProperties() == null ? null : configuration.getProperties().get("peer");
            if (named instanceof String text && names(text.trim(), peer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(String text, Peer peer) {
        if (!text.contains(":")) {
            return text.equalsIgnoreCase(peer.hostName());
        }
        try {
            return InetAddress.getByName(text) instanceof Inet6Address ula && ula.equals(peer.ula());
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
