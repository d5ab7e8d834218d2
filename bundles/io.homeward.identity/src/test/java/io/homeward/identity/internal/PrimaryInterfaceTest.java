package io.homeward.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.testkit.RecordingLogger;

class PrimaryInterfaceTest {
    private final RecordingLogger log = new RecordingLogger();
    private final PrimaryInterface chooser = new PrimaryInterface(log.logger());
    private final FakeMachine machine = new FakeMachine()
            .link("lo", true, true, false, 0, 0, 0, 0, 0, 0)
            .link("docker0", true, false, true, 0x02, 0x42, 0, 0, 0, 1)
            .link("wlan0", true, false, false, 0x00, 0x1b, 0x63, 0x84, 0x5a, 0x0c)
            .link("eth1", false, false, false, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55)
            .link("eth0", true, false, false, 0x00, 0x26, 0xbb, 0x12, 0x34, 0x56)
            .link("tun0", true, false, true);

    @Test
    void theDefaultRouteInterfaceWins() {
        assertEquals("wlan0", name(chooser.choose(machine.links(), "", Optional.of("wlan0"))));
    }

    @Test
    void withoutARouteTheFirstUpHardwareInterfaceByNameIsUsed() {
        assertEquals("eth0", name(chooser.choose(machine.links(), "", Optional.empty())));
    }

    @Test
    void aRouteThroughAnInterfaceWithoutMacFallsBackToTheSortedChoice() {
        assertEquals("eth0", name(chooser.choose(machine.links(), "", Optional.of("tun0"))));
    }

    @Test
    void aConfiguredInterfaceOverridesTheRoute() {
        assertEquals("docker0", name(chooser.choose(machine.links(), "docker0", Optional.of("wlan0"))));
        assertTrue(log.lines().isEmpty());
    }

    @Test
    void anUnusableConfiguredInterfaceIsReportedAndIgnored() {
        assertEquals("wlan0", name(chooser.choose(machine.links(), "eth9", Optional.of("wlan0"))));
        assertEquals(1, log.messages(LogLevel.WARN).size());
        assertTrue(log.messages(LogLevel.WARN).get(0).contains("'eth9' does not exist"), log.lines()::toString);
        chooser.choose(machine.links(), "lo", Optional.empty());
        assertTrue(log.messages(LogLevel.WARN).get(1).contains("'lo' has no 6-byte MAC"), log.lines()::toString);
    }

    @Test
    void noUsableMacGivesNothing() {
        FakeMachine bare = new FakeMachine().link("lo", true, true, false, 0, 0, 0, 0, 0, 0).link("tun0", true, false, true);
        assertEquals(Optional.empty(), chooser.choose(bare.links(), "", Optional.of("tun0")));
    }

    private static String name(Optional<NetworkLink> link) {
        return link.map(NetworkLink::name).orElse("none");
    }
}
