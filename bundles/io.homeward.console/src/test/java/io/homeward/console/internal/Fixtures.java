package io.homeward.console.internal;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.homeward.api.identity.Eui64;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.identity.Ipv6Text;
import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.ProviderInfo;
import io.homeward.api.runtime.RuntimeStatus;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.api.watch.SubscriptionStatus;

/** A fixed identity and runtime status, as in ula-eui64.md §4. */
final class Fixtures {
    private Fixtures() {
    }

    static HostIdentity identity(String source) {
        return identity(source, "alice-mbp");
    }

    static HostIdentity identity(String source, String hostName) {
        return new HostIdentity() {
            @Override
            public Eui64 eui64() {
                return Eui64.parse("02-1B-63-FF-FE-84-5A-0C");
            }

            @Override
            public String eui64Source() {
                return source;
            }

            @Override
            public Inet6Address ula() {
                try {
                    return Inet6Address.getByAddress(null, HexFormat.of().parseHex("fd3c9a51e27d0b44021b63fffe845a0c"), null);
                } catch (UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public String ulaText() {
                return Ipv6Text.format(ula());
            }

            @Override
            public String hostName() {
                return hostName;
            }
        };
    }

    /** Two watches: one LLQ with a lease and an event, one just set up and polled. */
    static SubscriptionStatus watcher() {
        return () -> List.of(
                new SubscriptionState("laptop.alice.members.example.", "AAAA", "llq-udp",
                        Optional.of(Instant.parse("2026-11-21T12:00:00Z")), Optional.of(Instant.parse("2026-11-21T10:00:05Z"))),
                new SubscriptionState("<desk>.alice.members.example.", "SRV", "poll", Optional.empty(), Optional.empty()));
    }

    static RuntimeStatus status() {
        return new RuntimeStatus() {
            @Override
            public List<CapabilityState> capabilities() {
                return List.of(
                        new CapabilityState("io.homeward.api.crypto.CryptoSuite", "crypto suite", List.of(
                                new ProviderInfo("aes-gcm-16", "io.homeward.crypto.aesgcm", 41, 200, true),
                                new ProviderInfo("chacha20-poly1305", "io.homeward.crypto.chacha20", 42, 100, false))),
                        new CapabilityState("io.homeward.api.portmap.PortMapper", "port mapping", List.of()));
            }

            @Override
            public String feature() {
                return "all-in-one";
            }
        };
    }
}
