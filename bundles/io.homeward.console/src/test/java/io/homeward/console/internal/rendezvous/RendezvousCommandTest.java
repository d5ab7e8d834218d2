package io.homeward.console.internal.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.testkit.RecordingLogger;

class RendezvousCommandTest {
    private final RecordingLogger log = new RecordingLogger();
    private final RendezvousCommand commands = new RendezvousCommand(log.logger(), RendezvousFixtures.CLOCK);

    @Test
    void commandsSayWhichServiceIsNotRunning() {
        assertEquals(RendezvousSource.ZONES.notRunning(), commands.zones());
        assertEquals(RendezvousSource.ZONES.notRunning(), commands.records("alice.members.example."));
        assertEquals(RendezvousSource.LISTENERS.notRunning(), commands.listeners());
        assertEquals(RendezvousSource.WATCHES.notRunning(), commands.llq());
    }

    @Test
    void commandsFollowTheServicesAsTheyComeAndGo() {
        commands.zoneDirectory = RendezvousFixtures.zones();
        commands.listenerStatus = RendezvousFixtures.listeners();
        commands.watchStatus = RendezvousFixtures.watches();
        assertEquals(ZonesReport.of(RendezvousFixtures.zones()), commands.zones());
        assertTrue(commands.records("alice.members.example").contains("2026-11-21T11:17:30Z (in 1 h 12 min)"));
        assertTrue(commands.records("nobody.example.").startsWith("unknown zone nobody.example."));
        assertTrue(commands.listeners().contains(RendezvousFixtures.FINGERPRINT));
        assertTrue(commands.llq().contains("2026-11-21T12:05:00Z (in 2 h)"));
        commands.watchStatus = null;
        assertEquals(RendezvousSource.WATCHES.notRunning(), commands.llq());
    }

    @Test
    void aFailingServiceGivesItsReasonAndIsLogged() {
        commands.zoneDirectory = RendezvousFixtures.failingZones();
        assertEquals("The zone directory could not be read (java.lang.IllegalStateException: zone store closed); the log has"
                + " the details.", commands.zones());
        assertEquals(List.of("WARN Reading zones for an operator view failed"
                + " | java.lang.IllegalStateException: zone store closed"), log.lines());
    }
}
