package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatusCapabilitiesTest {

    @Test
    void rootsFullSetHasNetAdmin() {
        assertFalse(ProcStatusCapabilities.lacksNetAdmin(List.of("Name:\tjava", "CapEff:\t000001ffffffffff")));
    }

    @Test
    void anEmptySetLacksIt() {
        assertTrue(ProcStatusCapabilities.lacksNetAdmin(List.of("CapInh:\t0000000000000000", "CapEff:\t0000000000000000")));
    }

    @Test
    void bit12AloneIsEnoughAndEveryOtherBitIsNot() {
        assertFalse(ProcStatusCapabilities.lacksNetAdmin(List.of("CapEff:\t0000000000001000")));
        assertTrue(ProcStatusCapabilities.lacksNetAdmin(List.of("CapEff:\t000001ffffffefff")));
    }

    @Test
    void whenItCannotTellItLeavesTheVerdictToTheKernel(@TempDir Path dir) throws Exception {
        assertFalse(ProcStatusCapabilities.lacksNetAdmin(List.of("Name:\tjava")));
        assertFalse(ProcStatusCapabilities.lacksNetAdmin(List.of("CapEff:\tnot-hex")));
        assertFalse(new ProcStatusCapabilities(dir.resolve("missing")).lacksNetAdmin());
    }

    @Test
    void readsTheStatusFile(@TempDir Path dir) throws Exception {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n");
        assertTrue(new ProcStatusCapabilities(status).lacksNetAdmin());
    }
}
