package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConsoleLoginRuleTest {
    @Test
    void theConsolesSettingsNeedAPasswordOtherThanTheBuiltInOne() {
        assertTrue(ConsoleLoginRule.problem(ConsoleLoginRule.CONSOLE_PID, props(Map.of("default.render", "homeward")))
                .orElseThrow().contains("admin/admin"));
        assertTrue(ConsoleLoginRule.problem(ConsoleLoginRule.CONSOLE_PID, props(Map.of("password", "admin"))).isPresent());
        assertTrue(ConsoleLoginRule.problem(ConsoleLoginRule.CONSOLE_PID, props(Map.of("password", " "))).isPresent());
        assertEquals(Optional.empty(), ConsoleLoginRule.problem(ConsoleLoginRule.CONSOLE_PID,
                props(Map.of("password", "a long passphrase", "default.render", "homeward"))));
    }

    @Test
    void otherConfigurationsAreNotItsConcern() {
        assertEquals(Optional.empty(), ConsoleLoginRule.problem("io.homeward.registrar", props(Map.of("leaseSeconds", 5400))));
    }

    private static Hashtable<String, Object> props(Map<String, Object> values) {
        return new Hashtable<>(values);
    }
}
