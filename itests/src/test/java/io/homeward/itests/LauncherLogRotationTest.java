package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATA/homeward.log is rolled over by size and capped, whatever a runtime logs (--log-file-size, --log-files). */
class LauncherLogRotationTest {
    private static final long FILE_BYTES = 16 * 1024;
    private static final int FILES = 3;
    /** One event more than the size can go in before the roll-over: a stack trace at most. */
    private static final long ONE_EVENT = 16 * 1024;

    @Test
    void aDebugLogOfSeveralStartsStaysWithinItsFilesAndSize(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path config = new RendezvousConfigDir().write(dir.resolve("config"), "itest-log", RendezvousConfigDir.freePort(), "");
        for (String user : List.of("alice", "bob", "carol")) {
            try (LauncherProcess add = LauncherProcess.start("--feature", "rendezvous", "--data", data.toString(), "--config",
                    config.toString(), "--log-level", "debug", "--log-file-size", "16KB", "--log-files", Integer.toString(FILES),
                    "--exec", "homeward:useradd " + user + " " + user + "-correct-horse")) {
                add.outputUntilExit(60);
                assertEquals(0, add.exitValue());
            }
        }
        List<String> logs;
        try (Stream<Path> files = Files.list(data)) {
            logs = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("homeward")).sorted().toList();
        }
        assertEquals(List.of("homeward.1.log", "homeward.2.log", "homeward.log"), logs, "rolled over, and no more than "
                + FILES + " files");
        for (String log : logs) {
            long size = Files.size(data.resolve(log));
            assertTrue(size <= FILE_BYTES + ONE_EVENT, log + " has " + size + " bytes");
        }
    }
}
