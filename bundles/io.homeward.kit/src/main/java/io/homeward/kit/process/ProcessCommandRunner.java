package io.homeward.kit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes. Output goes to temporary files rather than pipes, so a chatty command
 * can never block on a full pipe while this thread waits for it to exit.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private final Duration timeout;

    public ProcessCommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String run(List<String> argv) throws IOException {
        String command = String.join(" ", argv);
        Path out = Files.createTempFile("homeward-cmd", ".out");
        Path err = Files.createTempFile("homeward-cmd", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new IOException("cannot run '" + command + "': " + e.getMessage(), e);
            }
            if (!waitFor(process)) {
                process.destroyForcibly();
                throw new IOException("'" + command + "' did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("'" + command + "' failed (exit " + process.exitValue() + "): "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private boolean waitFor(Process process) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for " + process.info().commandLine().orElse("a command"), e);
        }
    }
}
