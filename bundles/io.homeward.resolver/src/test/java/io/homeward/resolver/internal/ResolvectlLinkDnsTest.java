package io.homeward.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.kit.process.CommandRunner;

class ResolvectlLinkDnsTest {
    @TempDir
    Path run;

    private final List<List<String>> ran = new ArrayList<>();
    private final CommandRunner commands = argv -> {
        ran.add(argv);
        return "";
    };

    @Test
    void theLinkGetsTheUlaAsServerTheZoneAsRoutingDomainAndIsNoDefaultRouteNorLlmnr() throws Exception {
        ResolvectlLinkDns resolvectl = new ResolvectlLinkDns(commands, "resolvectl", run);
        resolvectl.apply("homeward0", Fixtures.SELF.ula(), Fixtures.name(Fixtures.ZONE));
        resolvectl.revert("homeward0");
        assertEquals(List.of(
                List.of("resolvectl", "dns", "homeward0", "fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c"),
                List.of("resolvectl", "domain", "homeward0", "~alice.members.example"),
                List.of("resolvectl", "default-route", "homeward0", "false"),
                List.of("resolvectl", "llmnr", "homeward0", "no"),
                List.of("resolvectl", "revert", "homeward0")), ran);
    }

    @Test
    void availableOnlyWhileSystemdResolvedRuns() {
        assertTrue(new ResolvectlLinkDns(commands, "resolvectl", run).unavailable().isEmpty());
        assertEquals("systemd-resolved is not running (no " + run.resolve("resolve") + ")",
                new ResolvectlLinkDns(commands, "resolvectl", run.resolve("resolve")).unavailable().orElseThrow());
    }
}
