package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.testkit.RecordingLogger;

/** The component's configuration and what invites advertise. */
class EnrollmentSettingsTest {

    private static EnrollmentServerComponent.Config config(Map<String, Object> values) {
        return (EnrollmentServerComponent.Config) Proxy.newProxyInstance(EnrollmentServerComponent.Config.class
                .getClassLoader(), new Class<?>[] {EnrollmentServerComponent.Config.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    private static DnsListenerStatus listeners(String udp, String tls) {
        return new DnsListenerStatus() {
            @Override
            public List<ListenerState> listeners() {
                return List.of(new ListenerState(DnsTransport.UDP, udp, 0, 0, 0),
                        new ListenerState(DnsTransport.TLS, tls, 0, 0, 0));
            }

            @Override
            public String tlsFingerprint() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void defaultsListenOnLoopbackPort8443WithATenSecondDeadline() throws Exception {
        EnrollmentSettings settings = EnrollmentServerComponent.settings(config(Map.of()));
        assertEquals(new InetSocketAddress("127.0.0.1", 8443), settings.bind());
        assertEquals(Duration.ofSeconds(10), settings.limits().deadline());
        assertEquals(8 * 1024, settings.limits().maxHead());
        assertEquals(16 * 1024, settings.limits().maxBody());
        assertTrue(settings.advertised().isEmpty());
    }

    @Test
    void advertisedAddressesAreLiteralsAndNoWildcards() throws Exception {
        EnrollmentSettings settings = EnrollmentServerComponent.settings(config(Map.of("advertisedAddresses",
                new String[] {"192.0.2.1", " 2001:db8::1 "})));
        assertEquals(List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1")),
                settings.advertised());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnrollmentServerComponent.settings(config(Map.of(
                "advertisedAddresses", new String[] {"rendezvous.example"})))).getMessage()
                .contains("'rendezvous.example' is not an IPv4 or IPv6 address"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnrollmentServerComponent.settings(config(Map.of(
                "advertisedAddresses", new String[] {"0.0.0.0"})))).getMessage().contains("is a wildcard"));
        assertThrows(IllegalArgumentException.class, () -> EnrollmentServerComponent.settings(config(Map.of(
                "advertisedAddresses", new String[] {"192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"}))));
        assertThrows(IllegalArgumentException.class, () -> EnrollmentServerComponent.settings(config(Map.of(
                "port", 70000))));
        assertThrows(IllegalArgumentException.class, () -> EnrollmentServerComponent.settings(config(Map.of(
                "maxConnections", 0))));
    }

    @Test
    void invitesNameTheListenersAddressAndPortsUnlessConfigured() throws Exception {
        TestTls tls = new TestTls();
        Invite invite = new Invite("id", "alice", Optional.empty(), Instant.EPOCH, Instant.MAX,
                new byte[16], 0, Optional.empty());
        InetSocketAddress est = new InetSocketAddress("127.0.0.1", 8443);

        RendezvousCoordinates loopback = new RendezvousCoordinates(List.of(), 0, 0, 0,
                listeners("127.0.0.1:8053", "127.0.0.1:8853"), () -> 3479, est, tls);
        InviteCode code = loopback.code(invite, "alice.members.example.");
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), code.addresses());
        assertEquals(List.of(8053, 8853, 8443, 3479), List.of(code.dnsPort(), code.tlsPort(), code.estPort(),
                code.stunPort()));
        assertTrue(loopback.warning().orElseThrow().contains("only this machine reaches: set advertisedAddresses"));

        RendezvousCoordinates configured = new RendezvousCoordinates(List.of(InetAddress.getByName("192.0.2.1")), 53,
                853, 3478, listeners("0.0.0.0:8053", "0.0.0.0:8853"), () -> 3479, est, tls);
        InviteCode advertised = configured.code(invite, "alice.members.example.");
        assertEquals(List.of(InetAddress.getByName("192.0.2.1")), advertised.addresses());
        assertEquals(List.of(53, 853, 8443, 3478), List.of(advertised.dnsPort(), advertised.tlsPort(), advertised.estPort(),
                advertised.stunPort()));
        assertTrue(configured.warning().isEmpty());

        RendezvousCoordinates wildcard = new RendezvousCoordinates(List.of(), 0, 0, 0,
                listeners("0.0.0.0:8053", "0.0.0.0:8853"), () -> 3479, new InetSocketAddress("0.0.0.0", 8443), tls);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> wildcard.code(invite, "z."));
        assertTrue(e.getMessage().contains("set advertisedAddresses of io.homeward.rendezvous.enroll"), e.getMessage());
    }

    @Test
    void theStunPortComesFromTheStunServersConfiguration() {
        RecordingLogger log = new RecordingLogger();
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("port", 3479));
        Configuration stun = (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> properties);
        assertEquals(3479, EnrollmentServerComponent.stunPort(admin(new Configuration[] {stun}), log.logger()));
        assertEquals(3478, EnrollmentServerComponent.stunPort(admin(null), log.logger()));
    }

    private static ConfigurationAdmin admin(Configuration[] found) {
        return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    assertEquals("listConfigurations", method.getName());
                    assertEquals("(service.pid=io.homeward.rendezvous.stun)", args[0]);
                    return found;
                });
    }
}
