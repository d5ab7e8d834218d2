package io.homeward.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HomewardCommandsTest {
    private final HomewardCommands commands = new HomewardCommands();

    @Test
    void commandsAnswerWhileServicesAreMissing() {
        assertEquals(StatusReport.NO_RUNTIME, commands.status());
        assertEquals(IdentityReport.NO_IDENTITY, commands.identity());
    }

    @Test
    void commandsFollowTheServicesAsTheyCome() {
        commands.runtimeStatus = Fixtures.status();
        commands.hostIdentity = Fixtures.identity("eth0");
        assertTrue(commands.status().startsWith("Feature: all-in-one\n"));
        assertTrue(commands.identity().startsWith("Host name:   alice-mbp\n"));
        commands.hostIdentity = null;
        assertEquals(IdentityReport.NO_IDENTITY, commands.identity());
    }
}
