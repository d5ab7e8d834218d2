package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    private static final int LINE = 200;

    @AfterEach
    void stopLogging() {
        LogSetup.stop();
    }

    @Test
    void aFloodOfLinesRollsTheFileOverAndStaysUnderTheCap(@TempDir Path dir) throws Exception {
        Path logFile = dir.resolve("homeward.log");
        LogRotation rotation = new LogRotation(4096, 3);
        LogSetup.configure(logFile, "debug", rotation);
        Logger log = LoggerFactory.getLogger("flood");
        String filler = "x".repeat(LINE - 100);
        for (int i = 0; i < 5_000; i++) {
            log.debug("refused update {} {}", i, filler);
        }
        log.info("last line");
        LogSetup.stop();
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("homeward.1.log", "homeward.2.log", "homeward.log"), names);
        long total = 0;
        for (String name : names) {
            long size = Files.size(dir.resolve(name));
            assertTrue(size <= rotation.fileBytes() + LINE, name + " is " + size + " bytes");
            total += size;
        }
        assertTrue(total <= rotation.files() * (rotation.fileBytes() + LINE), "total " + total);
        assertTrue(Files.readString(logFile).contains("last line"));
    }
}
