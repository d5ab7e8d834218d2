package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.homeward.api.dns.DnsTransport;
import io.homeward.api.enroll.InvitePreflight;
import io.homeward.api.enroll.PreflightCheck;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;

/** The pre-flight check of what an invite would carry, with fake listeners. */
class InvitePreflightsTest {
    private static final List<InetAddress> LAN = List.of(address("192.168.1.20"));

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static DnsListenerStatus listeners(String... bound) {
        return new DnsListenerStatus() {
            @Override
            public List<ListenerState> listeners() {
                return bound.length == 0 ? List.of() : List.of(new ListenerState(DnsTransport.UDP, bound[0], 0, 0, 0),
                        new ListenerState(DnsTransport.TLS, bound[1], 0, 0, 0));
            }

            @Override
            public String tlsFingerprint() {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static InvitePreflight check(List<InetAddress> advertised, DnsListenerStatus dns, String est) throws Exception {
        RendezvousCoordinates coordinates = new RendezvousCoordinates(advertised, 0, 0, 0, dns, () -> 3478,
                new InetSocketAddress(est, 8443), new TestTls());
        return new InvitePreflights(coordinates, () -> LAN).check();
    }

    private static PreflightCheck named(InvitePreflight preflight, String subject) {
        return preflight.checks().stream().filter(c -> c.subject().equals(subject)).findFirst().orElseThrow();
    }

    @Test
    void loopbackListenersAreReachableOnlyFromThisMachine() throws Exception {
        InvitePreflight preflight = check(List.of(), listeners("127.0.0.1:8053", "127.0.0.1:8853"), "127.0.0.1");
        assertFalse(preflight.ready());
        assertEquals(List.of(address("127.0.0.1")), preflight.addresses());
        assertEquals(List.of(8053, 8853, 8443, 3478), List.of(preflight.dnsPort(), preflight.tlsPort(),
                preflight.estPort(), preflight.stunPort()));
        assertEquals(new PreflightCheck(InvitePreflights.ADDRESSES, "127.0.0.1, which only this machine reaches", false),
                named(preflight, InvitePreflights.ADDRESSES));
        assertEquals(new PreflightCheck(InvitePreflights.DNS, "127.0.0.1:8053, which only this machine reaches", false),
                named(preflight, InvitePreflights.DNS));
        assertFalse(named(preflight, InvitePreflights.EST).ok());
        assertEquals(LAN, preflight.candidates());
    }

    @Test
    void wildcardListenersWithoutAdvertisedAddressesMakeNoInvite() throws Exception {
        InvitePreflight preflight = check(List.of(), listeners("0.0.0.0:8053", "0.0.0.0:8853"), "0.0.0.0");
        assertFalse(preflight.ready());
        assertEquals(List.of(), preflight.addresses());
        PreflightCheck addresses = named(preflight, InvitePreflights.ADDRESSES);
        assertFalse(addresses.ok());
        assertTrue(addresses.found().startsWith("none: the rendezvous listens on every interface"), addresses.found());
        assertEquals(new PreflightCheck(InvitePreflights.DNS, "every interface, port 8053", true),
                named(preflight, InvitePreflights.DNS));
    }

    @Test
    void aLanAddressEverywhereIsReady() throws Exception {
        InvitePreflight preflight = check(LAN, listeners("192.168.1.20:8053", "192.168.1.20:8853"), "192.168.1.20");
        assertTrue(preflight.ready(), preflight.toString());
        assertEquals(new PreflightCheck(InvitePreflights.ADDRESSES, "192.168.1.20", true),
                named(preflight, InvitePreflights.ADDRESSES));
        assertEquals(new PreflightCheck(InvitePreflights.EST, "192.168.1.20:8443", true),
                named(preflight, InvitePreflights.EST));
    }

    @Test
    void advertisedAddressesDoNotHelpListenersOnLoopback() throws Exception {
        InvitePreflight preflight = check(List.of(address("203.0.113.5")), listeners("127.0.0.1:8053",
                "127.0.0.1:8853"), "0.0.0.0");
        assertTrue(named(preflight, InvitePreflights.ADDRESSES).ok());
        assertFalse(named(preflight, InvitePreflights.DNS).ok());
        assertTrue(named(preflight, InvitePreflights.EST).ok());
        assertFalse(preflight.ready());
    }

    @Test
    void noDnsListenersAreNotRunning() throws Exception {
        InvitePreflight preflight = check(LAN, listeners(), "192.168.1.20");
        assertEquals(new PreflightCheck(InvitePreflights.DNS, "not running", false),
                named(preflight, InvitePreflights.DNS));
        assertEquals(0, preflight.dnsPort());
    }

    @Test
    void candidatesAreNeitherLoopbackNorLinkLocalNorTheTunnelsUlas() {
        assertEquals(List.of(address("10.0.0.7"), address("192.168.1.20"), address("2001:db8::7")),
                LocalAddresses.eligible(Stream.of("2001:db8::7", "127.0.0.1", "::1", "fe80::1", "fd12:3456::1",
                        "169.254.3.4", "192.168.1.20", "10.0.0.7", "192.168.1.20").map(InvitePreflightsTest::address)));
    }
}
