package io.homeward.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.identity.Eui64;
import io.homeward.api.identity.HostIdentity;
import io.homeward.kit.text.Eui64Text;
import io.homeward.kit.text.Ipv6Text;
import io.homeward.testkit.RecordingLogger;

class HostIdentityComponentTest {
    /** The random octets of the example host in docs/architecture.md ("Records a host publishes"). */
    private static final int[] EXAMPLE_RANDOM = {0x3c, 0x9a, 0x51, 0xe2, 0x7d, 0x0b, 0x44};

    @TempDir
    Path dir;
    private final RecordingLogger log = new RecordingLogger();
    private final FakeMachine machine = new FakeMachine()
            .link("lo", true, true, false, 0, 0, 0, 0, 0, 0)
            .link("eth0", true, false, false, 0x00, 0x1b, 0x63, 0x84, 0x5a, 0x0c)
            .defaultRouteVia("eth0");

    @Test
    void reproducesTheWorkedExample() {
        machine.files.put(MachineHostName.KERNEL_HOSTNAME, "alice-mbp\n");
        HostIdentity identity = activate("uuid-1", config("", ""), EXAMPLE_RANDOM);
        assertEquals(Eui64Text.parse("02-1B-63-FF-FE-84-5A-0C"), identity.eui64());
        assertEquals("eth0", identity.eui64Source());
        assertEquals("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c", identity.ulaText());
        assertEquals("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c", Ipv6Text.format(identity.ula()));
        assertEquals("AutoTunnel-02-1B-63-FF-FE-84-5A-0C", identity.autoTunnelLabel());
        assertEquals("alice-mbp", identity.hostName());
    }

    @Test
    void aRestartInTheSameRunKeepsTheAddressEvenIfTheMachineChanged() {
        HostIdentity first = activate("uuid-1", config("", ""), EXAMPLE_RANDOM);
        machine.links.clear();
        machine.link("eth0", true, false, false, 0x00, 0x26, 0xbb, 0x12, 0x34, 0x56);
        HostIdentity second = activate("uuid-1", config("", "eth0"), 1, 2, 3, 4, 5, 6, 7);
        assertEquals(first.ulaText(), second.ulaText());
        assertEquals(first.eui64(), second.eui64());
    }

    @Test
    void aNewRunGetsANewAddress() {
        HostIdentity first = activate("uuid-1", config("", ""), EXAMPLE_RANDOM);
        HostIdentity second = activate("uuid-2", config("", ""), 1, 2, 3, 4, 5, 6, 7);
        assertNotEquals(first.ulaText(), second.ulaText());
        assertEquals("fd01:203:405:607:21b:63ff:fe84:5a0c", second.ulaText());
    }

    @Test
    void aHostWithoutMacGetsARandomIdentifierAndSaysSo() {
        machine.links.clear();
        HostIdentity identity = activate("uuid-1", config("", ""), 0xAB, 0xCD, 0xEF, 1, 2, 3, 4, 5);
        assertEquals("random", identity.eui64Source());
        assertFalse(identity.eui64().isUniversal());
        assertEquals("A8-CD-EF-01-02-03-04-05", identity.eui64().toString());
        assertTrue(log.messages(LogLevel.WARN).stream().anyMatch(l -> l.contains("random EUI-64")), log.lines()::toString);
    }

    @Test
    void anInvalidHostNameAtFirstActivationLeavesTheMachineName() {
        machine.files.put(MachineHostName.KERNEL_HOSTNAME, "studio\n");
        HostIdentity identity = activate("uuid-1", config("my host", ""), EXAMPLE_RANDOM);
        assertEquals("studio", identity.hostName());
        assertEquals(1, log.messages(LogLevel.ERROR).size());
    }

    @Test
    void modifiedChangesTheHostNameButNotTheAddress() {
        HostIdentityComponent identity = activate("uuid-1", config("studio", ""), EXAMPLE_RANDOM);
        String ula = identity.ulaText();
        identity.modified(config("den", "wlan0"));
        assertEquals("den", identity.hostName());
        assertTrue(log.messages(LogLevel.INFO).stream().anyMatch(l -> l.contains("interfaceName 'wlan0' takes effect at the next"
                + " runtime start")), log.lines()::toString);
        identity.modified(config("bad.name", ""));
        assertEquals("den", identity.hostName());
        assertEquals(ula, identity.ulaText());
    }

    private HostIdentityComponent activate(String uuid, HostIdentityComponent.Config config, int... random) {
        return new HostIdentityComponent(machine, new FixedRandom(random), uuid, dir.resolve("identity.properties"),
                config, log.logger());
    }

    private static HostIdentityComponent.Config config(String hostName, String interfaceName) {
        return new HostIdentityComponent.Config() {
            @Override
            public String hostName() {
                return hostName;
            }

            @Override
            public String interfaceName() {
                return interfaceName;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return HostIdentityComponent.Config.class;
            }
        };
    }
}
