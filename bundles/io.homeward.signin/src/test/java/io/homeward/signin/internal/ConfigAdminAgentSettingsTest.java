package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** A joined host's coordinates go into the configurations of the components that talk to the rendezvous. */
class ConfigAdminAgentSettingsTest {
    private final Map<String, Dictionary<String, Object>> stored = new HashMap<>();

    @Test
    void theRegistrarWatcherAndTunnelPortGetTheRendezvousAndKeepTheirOtherSettings() throws Exception {
        Hashtable<String, Object> registrar = new Hashtable<>(Map.of("dnsServer", "127.0.0.1:8053", "leaseSeconds", 7200));
        stored.put(ConfigAdminAgentSettings.REGISTRAR, registrar);
        String pin = "AB:".repeat(31) + "AB";

        new ConfigAdminAgentSettings(admin()).apply(new HostPort("203.0.113.7", 53), new HostPort("203.0.113.7", 853),
                pin, new HostPort("203.0.113.7", 3478), "desktop");

        Dictionary<String, Object> r = stored.get(ConfigAdminAgentSettings.REGISTRAR);
        assertEquals("203.0.113.7:53", r.get("dnsServer"));
        assertEquals("203.0.113.7:853", r.get("server"));
        assertEquals(pin, r.get("tlsFingerprint"));
        assertEquals(7200, r.get("leaseSeconds"));
        assertEquals("203.0.113.7:53", stored.get(ConfigAdminAgentSettings.WATCHER).get("server"));
        assertEquals(pin, stored.get(ConfigAdminAgentSettings.WATCHER).get("tlsFingerprint"));
        assertEquals("203.0.113.7:53", stored.get(ConfigAdminAgentSettings.RESOLVER).get("rendezvousServer"));
        assertEquals("203.0.113.7:3478", stored.get(ConfigAdminAgentSettings.TUNNEL_PORT).get("stunServer"));
        assertEquals("desktop", stored.get(ConfigAdminAgentSettings.IDENTITY).get("hostName"));
    }

    @SuppressWarnings("unchecked")
    private ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConfiguration") || !"?".equals(args[1])) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String pid = (String) args[0];
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                            (c, m, a) -> switch (m.getName()) {
                                case "getProperties" -> stored.containsKey(pid)
                                        ? new Hashtable<>(toMap(stored.get(pid))) : null;
                                case "update" -> stored.put(pid, (Dictionary<String, Object>) a[0]);
                                default -> throw new UnsupportedOperationException(m.getName());
                            });
                });
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> map = new HashMap<>();
        for (var keys = d.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, d.get(key));
        }
        return map;
    }
}
