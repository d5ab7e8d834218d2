package io.homeward.rendezvous.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class ConfigParserTest {

    @Test
    void defaultsDeriveNamesFromTheDomain() {
        ServerSettings settings = ConfigParser.settings(config(Map.of()));
        assertEquals(Name.fromConstantString("members.example."), settings.domain());
        assertEquals(Name.fromConstantString("ns.members.example."), settings.nameServer());
        assertEquals(Name.fromConstantString("hostmaster.members.example."), settings.hostmaster());
        assertEquals(8853, settings.tlsPort());
        assertEquals(8443, settings.estPort());
        assertEquals(1232, settings.ednsPayload());
        assertEquals(1800, settings.leaseMinSeconds());
        assertEquals(7200, settings.leaseMaxSeconds());
    }

    @Test
    void parsesAddressesAndSecondaries() {
        ServerSettings settings = ConfigParser.settings(config(Map.of(
                "domain", "Rendezvous.Example",
                "nameServerAddresses", new String[] {"192.0.2.53", "2001:db8::53"},
                "secondaries", new String[] {"192.0.2.2:53", "[2001:db8::2]:5353"})));
        assertEquals(Name.fromConstantString("rendezvous.example."), settings.domain());
        assertEquals(2, settings.nameServerAddresses().size());
        assertEquals(new InetSocketAddress("192.0.2.2", 53), settings.secondaries().get(0));
        assertEquals(5353, settings.secondaries().get(1).getPort());
    }

    @Test
    void blankListEntriesAreIgnored() {
        ServerSettings settings = ConfigParser.settings(config(Map.of(
                "nameServerAddresses", new String[] {""}, "secondaries", new String[] {" "})));
        assertTrue(settings.nameServerAddresses().isEmpty());
        assertTrue(settings.secondaries().isEmpty());
    }

    @Test
    void rejectsBadValuesWithAReason() {
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> ConfigParser.settings(config(Map.of("secondaries", new String[] {"ns2.example:53"}))));
        assertTrue(host.getMessage().contains("literal"), host.getMessage());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> ConfigParser.settings(config(Map.of("secondaries", new String[] {"192.0.2.2"}))));
        assertTrue(port.getMessage().contains("host:port"), port.getMessage());
        IllegalArgumentException lease = assertThrows(IllegalArgumentException.class,
                () -> ConfigParser.settings(config(Map.of("leaseMinSeconds", 9000L))));
        assertTrue(lease.getMessage().contains("lease range"), lease.getMessage());
        IllegalArgumentException est = assertThrows(IllegalArgumentException.class,
                () -> ConfigParser.settings(config(Map.of("estPort", 0))));
        assertTrue(est.getMessage().contains("EST port"), est.getMessage());
    }

    /** A Config whose methods return the given values or the annotation defaults. */
    static DnsServerConfig config(Map<String, Object> values) {
        return (DnsServerConfig) Proxy.newProxyInstance(DnsServerConfig.class.getClassLoader(),
                new Class<?>[] {DnsServerConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return DnsServerConfig.class;
                    }
                    return values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
