package io.homeward.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real seam, on facts every build machine has: readable files and a loopback interface. */
class LinuxMachineTest {
    private final LinuxMachine machine = new LinuxMachine();

    @Test
    void readsSmallFilesAndReportsMissingOnesAsEmpty(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("hostname"), "studio\n");
        assertEquals(Optional.of("studio\n"), machine.readFile(file.toString()));
        assertEquals(Optional.empty(), machine.readFile(dir.resolve("absent").toString()));
    }

    @Test
    void listsTheLoopbackInterface() throws IOException {
        List<NetworkLink> links = machine.links();
        assertTrue(links.stream().anyMatch(NetworkLink::loopback), () -> "links: " + links);
    }
}
