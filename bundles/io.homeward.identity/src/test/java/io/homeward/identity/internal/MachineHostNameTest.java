package io.homeward.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.testkit.RecordingLogger;

class MachineHostNameTest {
    private final RecordingLogger log = new RecordingLogger();
    private final FakeMachine machine = new FakeMachine();

    @Test
    void kernelHostNameIsCutAtTheFirstDotAndLowerCased() {
        machine.files.put(MachineHostName.KERNEL_HOSTNAME, "Alice-MBP.home.example\n");
        assertEquals("alice-mbp", new MachineHostName(machine, log.logger()).label());
        assertTrue(log.lines().isEmpty(), log.lines()::toString);
    }

    @Test
    void invalidCharactersAreReplacedAndThatIsLogged() {
        machine.files.put(MachineHostName.KERNEL_HOSTNAME, "bob_s laptop\n");
        assertEquals("bob-s-laptop", new MachineHostName(machine, log.logger()).label());
        assertEquals(1, log.messages(LogLevel.WARN).size());
        assertTrue(log.messages(LogLevel.WARN).get(0).contains("'bob_s laptop'"), log.lines()::toString);
    }

    @Test
    void withoutKernelFileTheResolverNameIsUsed() {
        machine.resolvedName = "Build-07.lab";
        assertEquals("build-07", new MachineHostName(machine, log.logger()).label());
    }

    @Test
    void noNameAtAllGivesAPlaceholderAndAWarning() {
        machine.resolvedName = null;
        assertEquals(MachineHostName.UNNAMED, new MachineHostName(machine, log.logger()).label());
        assertTrue(log.messages(LogLevel.WARN).get(0).contains("set hostName"), log.lines()::toString);
    }

    @Test
    void labelsAreTrimmedToSixtyThreeCharactersWithoutEdgeHyphens() {
        assertEquals("a".repeat(63), MachineHostName.toLabel("a".repeat(70)));
        assertEquals("x", MachineHostName.toLabel("_x_"));
        assertEquals(MachineHostName.UNNAMED, MachineHostName.toLabel("___"));
    }
}
