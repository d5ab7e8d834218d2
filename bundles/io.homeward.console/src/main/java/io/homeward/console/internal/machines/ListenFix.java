package io.homeward.console.internal.machines;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The add-a-machine page's one-click fix, "Listen on <LAN address>": through Configuration Admin the DNS listeners
 * ({@value #DNS_PID}) and the enrollment server ({@value #ENROLL_PID}) are bound to every interface of the address'
 * family ({@code bindAddress}; the wildcard, not the address itself, so this host's own agent, which an all-in-one
 * runtime signs in at 127.0.0.1, keeps reaching them), and invites name the address ({@code advertisedAddresses} of
 * the enrollment server). Every other property is kept; the components restart with the change.
 */
final class ListenFix {
    static final String DNS_PID = "io.homeward.rendezvous.transport";
    static final String ENROLL_PID = "io.homeward.rendezvous.enroll";
    static final String BIND = "bindAddress";
    static final String ADVERTISED = "advertisedAddresses";

    private ListenFix() {
    }

    /** Changes the configurations; returns what was done, for the person. */
    static String apply(ConfigurationAdmin configurations, InetAddress address) throws IOException {
        String text = address.getHostAddress();
        String wildcard = address instanceof Inet4Address ? "0.0.0.0" : "::";
        update(configurations.getConfiguration(DNS_PID, "?"), Map.of(BIND, wildcard));
        update(configurations.getConfiguration(ENROLL_PID, "?"), Map.of(BIND, wildcard, ADVERTISED,
                new String[] {text}));
        return "The DNS listeners and the enrollment server listen on every interface (" + wildcard + ") now, and"
                + " invites name " + text + " (" + DNS_PID + " and " + ENROLL_PID + ").";
    }

    /** Puts {@code changes} into the configuration's properties, keeping the others. */
    private static void update(Configuration configuration, Map<String, Object> changes) throws IOException {
        Dictionary<String, Object> current = configuration.getProperties();
        Dictionary<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                next.put(key, current.get(key));
            }
        }
        changes.forEach(next::put);
        configuration.update(next);
    }
}
