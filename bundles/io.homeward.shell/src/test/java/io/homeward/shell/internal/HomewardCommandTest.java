package io.homeward.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.homeward.testkit.TestHostIdentity;
import io.homeward.testkit.TestRuntimeStatus;

class HomewardCommandTest {
    private final HomewardCommand commands = new HomewardCommand();

    @Test
    void commandsAnswerWhileServicesAreMissing() {
        assertEquals(StatusReport.NO_RUNTIME, commands.status());
        assertEquals(IdentityReport.NO_IDENTITY, commands.identity());
    }

    @Test
    void commandsFollowTheServicesAsTheyCome() {
        commands.runtimeStatus = TestRuntimeStatus.example();
        commands.hostIdentity = TestHostIdentity.example("eth0", "alice-mbp");
        assertTrue(commands.status().startsWith("Feature: all-in-one\n"));
        assertTrue(commands.identity().startsWith("Host name:   alice-mbp\n"));
        commands.hostIdentity = null;
        assertEquals(IdentityReport.NO_IDENTITY, commands.identity());
    }
}
