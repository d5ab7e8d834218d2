package io.homeward.config.internal;

import static io.homeward.testkit.TestAttributes.attribute;
import static io.homeward.testkit.TestAttributes.withOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Vector;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

import io.homeward.kit.config.MetatypeCheck;

class MetatypeCheckTest {
    private static final AttributeDefinition LEASE = attribute("leaseSeconds", "Lease seconds", "Integer", 0, "30", "7200");
    private static final AttributeDefinition RATE = attribute("updatesPerSecond", "Updates per second", "Double", 0, "0.1", null);
    private static final AttributeDefinition ON = attribute("enabled", "Enabled", "Boolean", 0, null, null);
    private static final AttributeDefinition NAME = attribute("hostName", "Host name", "String", 0, null, "63");
    private static final AttributeDefinition PORTS = attribute("ports", "Ports", "Integer", 10, "1", "65535");
    private static final AttributeDefinition MODE = withOptions(attribute("mode", "Mode", "String", 0, null, null),
            "auto", "manual");
    private static final List<AttributeDefinition> ALL = List.of(LEASE, RATE, ON, NAME, PORTS, MODE);

    @Test
    void valuesTheMetatypeAcceptsPass() {
        assertEquals(List.of(), MetatypeCheck.problems(ALL, props(Map.of("leaseSeconds", 5400, "updatesPerSecond", 2.5,
                "enabled", true, "hostName", "laptop", "ports", new Integer[] {53, 853}, "mode", "manual",
                "service.pid", "io.homeward.registrar", "notInTheMetatype", "anything"))));
    }

    @Test
    void aValueThatIsNotOfTheAttributesTypeIsRefused() {
        // The console keeps an unconvertible value as the text typed; Declarative Services could not convert it.
        assertEquals(List.of("Lease seconds (leaseSeconds): \"ninety minutes\" is not a whole number"),
                MetatypeCheck.problems(ALL, props(Map.of("leaseSeconds", "ninety minutes"))));
        assertEquals(List.of("Lease seconds (leaseSeconds): \"\" is not a whole number"),
                MetatypeCheck.problems(ALL, props(Map.of("leaseSeconds", ""))));
        assertEquals(List.of("Lease seconds (leaseSeconds): \"99999999999\" is not a whole number from -2147483648 to 2147483647"),
                MetatypeCheck.problems(ALL, props(Map.of("leaseSeconds", "99999999999"))));
        assertEquals(List.of("Updates per second (updatesPerSecond): \"fast\" is not a number",
                "Enabled (enabled): \"yes\" is neither true nor false"),
                MetatypeCheck.problems(ALL, props(Map.of("updatesPerSecond", "fast", "enabled", "yes"))));
    }

    @Test
    void aValueOutOfTheAttributesRangeIsRefused() {
        assertEquals(List.of("Lease seconds (leaseSeconds): \"20\" is refused: less than minimum"),
                MetatypeCheck.problems(ALL, props(Map.of("leaseSeconds", 20))));
        assertEquals(List.of("Lease seconds (leaseSeconds): \"9000\" is refused: greater than maximum"),
                MetatypeCheck.problems(ALL, props(Map.of("leaseSeconds", 9000))));
        assertEquals(List.of("Host name (hostName): \"" + "a".repeat(64) + "\" is refused: greater than maximum"),
                MetatypeCheck.problems(ALL, props(Map.of("hostName", "a".repeat(64)))));
    }

    @Test
    void everyValueOfAListIsChecked() {
        assertEquals(List.of("Ports (ports): \"70000\" is refused: greater than maximum"),
                MetatypeCheck.problems(ALL, props(Map.of("ports", new Integer[] {53, 70000}))));
        assertEquals(List.of("Ports (ports): \"dns\" is not a whole number"),
                MetatypeCheck.problems(ALL, props(Map.of("ports", new Vector<>(List.of("53", "dns"))))));
    }

    @Test
    void aValueThatIsNoneOfTheOptionsIsRefused() {
        assertEquals(List.of("Mode (mode): \"sometimes\" is not one of auto, manual"),
                MetatypeCheck.problems(ALL, props(Map.of("mode", "sometimes"))));
    }

    private static Hashtable<String, Object> props(Map<String, Object> values) {
        return new Hashtable<>(values);
    }
}
