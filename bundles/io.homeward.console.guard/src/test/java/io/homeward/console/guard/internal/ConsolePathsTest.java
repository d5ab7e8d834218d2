package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsolePathsTest {
    @Test
    void theRootAndEverythingBelowIsTheConsole() {
        assertTrue(ConsolePaths.within("/system/console", "", "/system/console"));
        assertTrue(ConsolePaths.within("/system/console", "", "/system/console/bundles/12"));
        assertTrue(ConsolePaths.within("/system/console", "/system", "/console/res/ui/webconsole.css"));
        assertTrue(ConsolePaths.within("/", "", "/anything"));
    }

    @Test
    void aSiblingPathIsNot() {
        assertFalse(ConsolePaths.within("/system/console", "", "/system/consoleX"));
        assertFalse(ConsolePaths.within("/system/console", "", "/other"));
        assertFalse(ConsolePaths.within("/system/console", null, null));
    }
}
