package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees when the launcher cannot do what was asked: one line, a non-zero status. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--feature", "--config", "--data", "--console-port", "--help"}) {
            assertTrue(usage.contains(option), option);
        }
    }

    @Test
    void badOptionIsOneLineAndStatusTwo() {
        assertEquals(Main.EXIT_USAGE, run("--feature", "toaster"));
        assertEquals("homeward: --feature must be one of all-in-one, agent, gateway, rendezvous, not 'toaster' (see --help)\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void takenConsolePortIsOneLineAndStatusOne(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(Main.EXIT_CANNOT_START, run("--data", dir.toString(), "--console-port", Integer.toString(taken.getLocalPort())));
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("homeward: cannot start: the web console cannot listen on 127.0.0.1:"), message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void unusableDataDirectoryIsOneLineAndStatusOne(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("f"), "");
        assertEquals(Main.EXIT_CANNOT_START, run("--data", file.resolve("d").toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("homeward: cannot start: the data directory "), message);
        assertEquals(1, message.lines().count());
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
