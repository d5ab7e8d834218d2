package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsRunTheEmbeddedAllInOne() throws Exception {
        LaunchOptions o = LaunchOptions.parse();
        assertEquals("all-in-one", o.feature());
        assertEquals(Optional.empty(), o.configDir());
        assertEquals(Path.of("data"), o.dataDir());
        assertEquals("127.0.0.1", o.consoleAddress());
        assertEquals(8080, o.consolePort());
        assertTrue(o.shell());
        assertEquals(new LogRotation(10 * 1024 * 1024, 5), o.logRotation());
        assertFalse(o.help());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--feature", "agent", "--config", "/etc/hw", "--data", "/var/hw",
                "--console-address", "0.0.0.0", "--console-port", "9090", "--no-shell", "--log-level", "debug",
                "--log-file-size", "512KB", "--log-files", "3");
        assertEquals(new LaunchOptions("agent", Optional.of(Path.of("/etc/hw")), Path.of("/var/hw"), "0.0.0.0", 9090,
                false, "debug", new LogRotation(512 * 1024, 3), Optional.empty(), Optional.empty(), false), o);
    }

    @Test
    void joinKeepsTheShellAndTakesTheCodeWithoutSpaces() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--feature", "agent", "--join", "HW1ABCD EFGH-2345");
        assertEquals(Optional.of("HW1ABCDEFGH-2345"), o.join());
        assertTrue(o.shell());
        assertEquals(Optional.empty(), o.exec());
    }

    @Test
    void execRunsWithoutAShell() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--exec", "homeward:status");
        assertEquals(Optional.of("homeward:status"), o.exec());
        assertFalse(o.shell());
    }

    @Test
    void badOptionsSayWhatIsWrongInOneLine() {
        assertEquals("unknown option '--fature'", message("--fature", "agent"));
        assertEquals("--feature must be one of all-in-one, agent, gateway, rendezvous, not 'router'", message("--feature", "router"));
        assertEquals("--data needs a value", message("--data"));
        assertEquals("--config needs a value", message("--config", "--no-shell"));
        assertEquals("--console-port must be a number from 1 to 65535, not '70000'", message("--console-port", "70000"));
        assertEquals("--console-port must be a number from 1 to 65535, not 'http'", message("--console-port", "http"));
        assertEquals("--log-level must be one of error, warn, info, debug, trace, not 'loud'", message("--log-level", "loud"));
        assertEquals("--log-file-size must be a size such as 512KB, 10MB or 1GB, not '10'", message("--log-file-size", "10"));
        assertEquals("--log-file-size must be a size such as 512KB, 10MB or 1GB, not '0MB'", message("--log-file-size", "0MB"));
        assertEquals("--log-files must be a number from 2 to 21, not '1'", message("--log-files", "1"));
        assertEquals("--log-files must be a number from 2 to 21, not 'many'", message("--log-files", "many"));
        assertEquals("--join needs a value", message("--join"));
        assertEquals("--join needs an invite code (HW1 followed by letters and digits), not 'HW1\"; rm'",
                message("--join", "HW1\"; rm"));
        assertEquals("--exec and --join cannot be combined: join first, then run commands",
                message("--join", "HW1AAAA", "--exec", "homeward:status"));
    }

    private static String message(String... args) {
        return assertThrows(UsageException.class, () -> LaunchOptions.parse(args)).getMessage();
    }
}
