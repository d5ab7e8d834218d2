package io.homeward.console.internal.machines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class ListenFixTest {
    private final Map<String, Dictionary<String, Object>> stored = new HashMap<>();

    private ConfigurationAdmin configurations() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> Proxy.newProxyInstance(
                        Configuration.class.getClassLoader(), new Class<?>[] {Configuration.class},
                        (p, m, a) -> switch (m.getName()) {
                            case "getProperties" -> stored.get((String) args[0]);
                            case "update" -> {
                                @SuppressWarnings("unchecked")
                                Dictionary<String, Object> next = (Dictionary<String, Object>) a[0];
                                stored.put((String) args[0], next);
                                yield null;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }));
    }

    @Test
    void anIpv6AddressBindsTheIpv6WildcardOnConfigurationsThatDidNotExist() throws Exception {
        String done = ListenFix.apply(configurations(), InetAddress.getByName("2001:db8::20"));
        assertEquals("::", stored.get(ListenFix.DNS_PID).get(ListenFix.BIND));
        assertEquals("::", stored.get(ListenFix.ENROLL_PID).get(ListenFix.BIND));
        assertArrayEquals(new String[] {"2001:db8:0:0:0:0:0:20"},
                (String[]) stored.get(ListenFix.ENROLL_PID).get(ListenFix.ADVERTISED));
        assertTrue(done.contains("every interface (::)"), done);
    }
}
