package io.homeward.registrar.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.identity.Eui64;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.registration.HostRecordSet;
import io.homeward.kit.text.Eui64Text;
import io.homeward.kit.text.Ipv6Text;

/** The example host of docs/architecture.md: laptop in alice.members.example., EUI-64 02-1B-63-FF-FE-84-5A-0C. */
final class TestInputs {
    static final String ZONE = "alice.members.example.";
    static final Eui64 EUI = Eui64Text.parse("02-1B-63-FF-FE-84-5A-0C");
    static final Inet6Address ULA = (Inet6Address) address("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c");
    static final Inet4Address PUBLIC = (Inet4Address) address("203.0.113.7");
    static final TsigKey KEY = new TsigKey(ZONE, "hmac-sha256.", secret());
    static final Credentials ALICE = credentials(ZONE, KEY);

    private TestInputs() {
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] secret() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (0x10 + i);
        }
        return secret;
    }

    static HostRecordSet set(String host, Inet4Address address, int port) {
        return new HostRecordSet(ZONE, host, EUI, ULA, address, port,
                Map.of("host", host, "os", "linux", "homeward", "0.1"));
    }

    static Credentials credentials(String zone, TsigKey key) {
        return credentials(zone, key, "");
    }

    /** Credentials as a sign-in that saw (or pinned) the certificate with this fingerprint leaves them. */
    static Credentials credentials(String zone, TsigKey key, String signInFingerprint) {
        return new Credentials() {
            @Override
            public String tlsFingerprint() {
                return signInFingerprint;
            }

            @Override
            public String userName() {
                return zone.substring(0, zone.indexOf('.'));
            }

            @Override
            public String zone() {
                return zone;
            }

            @Override
            public TsigKey tsigKey() {
                return key;
            }

            @Override
            public List<X509Certificate> certificateChain() {
                return List.of();
            }

            @Override
            public Optional<PrivateKey> privateKey() {
                return Optional.empty();
            }
        };
    }

    static HostIdentity identity(String host) {
        return new HostIdentity() {
            @Override
            public Eui64 eui64() {
                return EUI;
            }

            @Override
            public String eui64Source() {
                return "eth0";
            }

            @Override
            public Inet6Address ula() {
                return ULA;
            }

            @Override
            public String ulaText() {
                return Ipv6Text.format(ULA);
            }

            @Override
            public String hostName() {
                return host;
            }
        };
    }

    /** The public endpoint as the contract reports it. */
    static Optional<PublicEndpoint> endpoint(EndpointSource source, String address, int port) {
        return Optional.of(new PublicEndpoint(new InetSocketAddress(address(address), port), source));
    }
}
