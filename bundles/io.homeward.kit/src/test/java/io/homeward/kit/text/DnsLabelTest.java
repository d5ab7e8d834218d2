package io.homeward.kit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsLabelTest {

    @ParameterizedTest
    @ValueSource(strings = {"laptop", "alice-mbp", "a", "h0st-2", "X1"})
    void acceptsHostLabels(String label) {
        assertTrue(DnsLabel.problem(label).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my host", "-lead", "trail-", "dot.ted", "", "ümlaut"})
    void refusesOthersWithAReason(String label) {
        assertTrue(DnsLabel.problem(label).isPresent());
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongLabel() {
        assertEquals("a host name has at most 63 characters, '" + "a".repeat(64) + "' has 64",
                DnsLabel.problem("a".repeat(64)).orElseThrow());
    }
}
