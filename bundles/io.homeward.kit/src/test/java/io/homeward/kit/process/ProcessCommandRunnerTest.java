package io.homeward.kit.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(1));

    @Test
    void returnsWhatTheCommandPrinted() throws Exception {
        assertEquals("hello\n", runner.run(List.of("sh", "-c", "echo hello")));
    }

    @Test
    void aNonZeroExitQuotesTheCommandAndItsStderr() {
        IOException failure = assertThrows(IOException.class,
                () -> runner.run(List.of("sh", "-c", "echo 'RTNETLINK answers: File exists' >&2; exit 2")));
        assertEquals("'sh -c echo 'RTNETLINK answers: File exists' >&2; exit 2' failed (exit 2): RTNETLINK answers: File exists",
                failure.getMessage());
    }

    @Test
    void aMissingProgramIsNamed() {
        IOException failure = assertThrows(IOException.class, () -> runner.run(List.of("/nonexistent/ip", "link")));
        assertTrue(failure.getMessage().startsWith("cannot run '/nonexistent/ip link': "), failure.getMessage());
    }

    @Test
    void aCommandThatHangsIsStoppedAfterTheTimeout() {
        IOException failure = assertThrows(IOException.class, () -> runner.run(List.of("sleep", "30")));
        assertEquals("'sleep 30' did not finish within 1 s", failure.getMessage());
    }
}
