package io.homeward.testkit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import io.homeward.api.identity.Eui64;
import io.homeward.api.identity.HostIdentity;
import io.homeward.kit.text.Eui64Text;
import io.homeward.kit.text.Ipv6Text;

/** A host identity that stays as the test made it. */
public record TestHostIdentity(Eui64 eui64, String eui64Source, Inet6Address ula, String hostName)
        implements HostIdentity {

    /**
     * One worked example: the EUI-64 02-1B-63-FF-FE-84-5A-0C (read from {@code source}) in the ULA
     * fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c (RFC 4193 §3.2 with the EUI-64 as interface identifier).
     */
    public static TestHostIdentity example(String source, String hostName) {
        return new TestHostIdentity(Eui64Text.parse("02-1B-63-FF-FE-84-5A-0C"), source,
                ula("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c"), hostName);
    }

    public static Inet6Address ula(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException | ClassCastException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
    }

    @Override
    public String ulaText() {
        return Ipv6Text.format(ula);
    }
}
