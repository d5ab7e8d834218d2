package io.homeward.signin.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Writes the joined rendezvous' coordinates into the configurations of the registrar ({@code dnsServer},
 * {@code server}, {@code tlsFingerprint}), the record watcher ({@code server}, {@code tlsFingerprint}), the name
 * server ({@code rendezvousServer}) and the tunnel port ({@code stunServer}), and the host name the certificate names into the identity's ({@code hostName}, so the
 * registrar registers the names the host key may change), keeping their other properties. Multi-location ({@code "?"}) as the launcher writes
 * them; since they are then changed after the launcher applied its files, a restart keeps them (the launcher's
 * configuration precedence).
 */
final class ConfigAdminAgentSettings implements AgentSettings {
    static final String REGISTRAR = "io.homeward.registrar";
    static final String WATCHER = "io.homeward.watcher";
    static final String RESOLVER = "io.homeward.resolver";
    static final String TUNNEL_PORT = "io.homeward.tunnelport";
    static final String IDENTITY = "io.homeward.identity";

    private final ConfigurationAdmin admin;

    ConfigAdminAgentSettings(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void apply(HostPort dnsServer, HostPort tlsServer, String pin, HostPort stunServer, String host)
            throws IOException {
        update(REGISTRAR, Map.of("dnsServer", dnsServer.toString(), "server", tlsServer.toString(),
                "tlsFingerprint", pin));
        update(WATCHER, Map.of("server", dnsServer.toString(), "tlsFingerprint", pin));
        update(RESOLVER, Map.of("rendezvousServer", dnsServer.toString()));
        update(TUNNEL_PORT, Map.of("stunServer", stunServer.toString()));
        update(IDENTITY, Map.of("hostName", host));
    }

    /** The identity's host name, after a rename (docs/enrollment.md, "Renaming a host"). */
    void hostName(String host) throws IOException {
        update(IDENTITY, Map.of("hostName", host));
    }

    private void update(String pid, Map<String, String> values) throws IOException {
        Configuration configuration = admin.getConfiguration(pid, "?");
        Dictionary<String, Object> existing = configuration.getProperties();
        Dictionary<String, Object> properties = existing == null ? new Hashtable<>() : existing;
        values.forEach(properties::put);
        configuration.update(properties);
    }
}
