package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value the metatype refuses that reaches Configuration Admin by another path than the console's dialog (here a
 * configuration file given with --config) never reaches the component: the configuration check keeps it out, the
 * registrar runs with its default lease and publishes, and the overview and the log say what was refused.
 */
class ConfigurationFileCheckTest {
    private static final Pattern LEASE_EXPIRES = Pattern.compile("\"leaseExpires\":\"([^\"]+)\"");

    @TempDir
    static Path dir;
    private static ConsoleRuntime runtime;

    @BeforeAll
    static void givenAConfigurationFileWithALeaseThatIsNotANumber() throws Exception {
        runtime = ConsoleRuntime.start("config-file-check", dir,
                Map.of("io.homeward.registrar", "\"leaseSeconds\": \"ninety minutes\","));
        runtime.signInAsAlice("alice-config-file-password");
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theRegistrarPublishesWithItsDefaultLeaseAndTheOverviewNamesTheRefusedValue() throws Exception {
        String registration = Await.until("the registrar publishing", 30,
                () -> runtime.read("/homeward-network/registration.json"), j -> j.contains("\"published\":{"));
        Matcher expires = LEASE_EXPIRES.matcher(registration);
        assertTrue(expires.find(), registration);
        long left = Duration.between(Instant.now(), Instant.parse(expires.group(1))).toSeconds();
        assertTrue(left > 5000 && left <= 5400, "the default lease of 5400 s: " + left + " s left");

        String overview = runtime.read("/homeward-overview.json");
        assertTrue(overview.contains("The configuration io.homeward.registrar sets leaseSeconds to a value its"
                + " description refuses (\\\"ninety minutes\\\" is not a whole number): the component runs with its"
                + " default instead."), overview);
        String log = Files.readString(dir.resolve("data/homeward.log"));
        assertTrue(log.contains("Configuration io.homeward.registrar: leaseSeconds \"ninety minutes\" is not a whole"
                + " number; the component runs with its default instead"), "the log says so once");
        assertTrue(log.lines().noneMatch(l -> l.contains("ERROR") && l.contains("io.homeward.registrar")),
                "no component of the registrar failed");
    }
}
