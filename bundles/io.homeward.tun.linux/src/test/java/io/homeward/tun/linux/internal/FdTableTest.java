package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FdTableTest {
    private final FdTable fds = new FdTable(Path.of("/proc/self/fd"));

    @Test
    void findsTheDescriptorJustOpenedOnAFileAndLosesItOnClose(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("marker"), "x");
        assertTrue(fds.openOn(file).isEmpty());
        Set<Integer> open;
        try (FileInputStream first = new FileInputStream(file.toFile());
                FileInputStream second = new FileInputStream(file.toFile())) {
            open = fds.openOn(file);
            assertEquals(2, open.size());
        }
        Set<Integer> after = new HashSet<>(fds.openOn(file));
        assertTrue(after.isEmpty(), after.toString());
    }
}
