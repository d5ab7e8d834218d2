package io.homeward.config.internal;

import static io.homeward.testkit.TestAttributes.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

import io.homeward.api.config.RefusedValue;
import io.homeward.testkit.MutableClock;

class RefusedValuesTest {
    private static final String REGISTRAR = "io.homeward.registrar";
    private static final List<AttributeDefinition> ATTRIBUTES = List.of(
            attribute("leaseSeconds", "Lease seconds", "Integer", 0, "30", "7200"),
            attribute("ports", "Ports", "Integer", 10, "1", "65535"),
            attribute("dnsServer", "DNS server", "String", 0, null, null));
    private static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final RefusedValues values = new RefusedValues(clock);

    @Test
    void aRefusedValueWithoutAGoodOneBeforeIsRemovedSoTheComponentTakesItsDefault() {
        Hashtable<String, Object> given = props(Map.of("leaseSeconds", "ninety minutes", "dnsServer", "127.0.0.1:53"));

        List<RefusedValue> fresh = values.check(REGISTRAR, ATTRIBUTES, given);

        assertNull(given.get("leaseSeconds"), "the component does not see it");
        assertEquals("127.0.0.1:53", given.get("dnsServer"), "the good values stay");
        assertEquals(List.of(new RefusedValue(REGISTRAR, "leaseSeconds", "ninety minutes",
                "\"ninety minutes\" is not a whole number", Optional.empty(), START)), fresh);
        assertEquals(fresh, values.refused());
    }

    @Test
    void aRefusedValueAfterAGoodOneIsReplacedByIt() {
        values.check(REGISTRAR, ATTRIBUTES, props(Map.of("leaseSeconds", 5400)));
        Hashtable<String, Object> given = props(Map.of("leaseSeconds", "99999"));

        List<RefusedValue> fresh = values.check(REGISTRAR, ATTRIBUTES, given);

        assertEquals(5400, given.get("leaseSeconds"));
        assertEquals(Optional.of("5400"), fresh.get(0).kept());
        assertTrue(fresh.get(0).reason().startsWith("\"99999\" is refused"), fresh.get(0).reason());
    }

    @Test
    void theSameRefusalIsReportedOnceAndAGoodValueEndsIt() {
        values.check(REGISTRAR, ATTRIBUTES, props(Map.of("ports", new Integer[] {53, 70000})));
        clock.advance(Duration.ofMinutes(1));

        assertEquals(List.of(), values.check(REGISTRAR, ATTRIBUTES, props(Map.of("ports", List.of(53, 70000)))),
                "the same value again (as another list type) is no news");
        assertEquals("53, 70000", values.refused().get(0).value());
        assertEquals(START, values.refused().get(0).since());

        assertEquals(List.of(), values.check(REGISTRAR, ATTRIBUTES, props(Map.of("ports", new Integer[] {53}))));
        assertEquals(List.of(), values.refused());
    }

    @Test
    void aDeletedConfigurationForgetsItsRefusalsAndItsLastGoodValues() {
        values.check(REGISTRAR, ATTRIBUTES, props(Map.of("leaseSeconds", 5400)));
        values.check(REGISTRAR, ATTRIBUTES, props(Map.of("leaseSeconds", "soon")));

        values.forget(REGISTRAR);

        assertEquals(List.of(), values.refused());
        Hashtable<String, Object> given = props(Map.of("leaseSeconds", "soon"));
        values.check(REGISTRAR, ATTRIBUTES, given);
        assertNull(given.get("leaseSeconds"), "no last good value any more: the default");
    }

    @Test
    void theCommandSaysWhatIsRefusedAndWhatTheComponentRunsWith() {
        assertEquals("Configuration: every value is one its component's description accepts.",
                ConfigCommand.text(values.refused()));
        values.check(REGISTRAR, ATTRIBUTES, props(Map.of("leaseSeconds", "ninety minutes")));

        assertEquals("Configuration values refused (the component runs without them):\n"
                + "  io.homeward.registrar leaseSeconds = ninety minutes: \"ninety minutes\" is not a whole number;"
                + " runs with its default (since 2026-12-06T12:00:00Z)", ConfigCommand.text(values.refused()));
    }

    private static Hashtable<String, Object> props(Map<String, Object> values) {
        return new Hashtable<>(values);
    }
}
