package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BundleActionConfirmationTest {
    @Test
    void theAppendedLinesWrapTheBundlesPagesActionInAConfirmationForStopAndUninstall() {
        String script = new String(BundleActionConfirmation.appended(), StandardCharsets.UTF_8);
        assertTrue(script.contains("var change = changeDataEntryState;"), script);
        assertTrue(script.contains("changeDataEntryState = function (id, action)"), script);
        assertTrue(script.contains("stop:") && script.contains("uninstall:"), script);
        assertTrue(script.contains("confirm("), script);
    }
}
