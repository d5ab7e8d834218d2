package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any configuration file text (read as UTF-8, as the launcher reads a file): {@link JsonCheck#check} accepts it or
 * throws {@link JsonCheck.JsonError} whose message starts with the line and column of the first error.
 */
class JsonCheckFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void aFileIsAcceptedOrRefusedWithItsPlace(byte[] file) {
        try {
            JsonCheck.check(new String(file, StandardCharsets.UTF_8));
        } catch (JsonCheck.JsonError refused) {
            assertTrue(refused.getMessage().matches("(?s)line \\d+, column \\d+: .+"), refused.getMessage());
        }
    }
}
