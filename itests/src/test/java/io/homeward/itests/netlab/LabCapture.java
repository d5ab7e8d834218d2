package io.homeward.itests.netlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tshark capture on an interface of a lab namespace into a file, started once dumpcap has installed the capture
 * filter ("Capturing on", so nothing sent after {@link #start} is missed) and bounded in time; {@link #read} runs tshark
 * over the file. Closing stops the capture (SIGTERM: tshark finishes the file).
 */
final class LabCapture implements AutoCloseable {
    private final Process tshark;
    final Path file;

    private LabCapture(Process tshark, Path file) {
        this.tshark = tshark;
        this.file = file;
    }

    /** Captures what matches the filter (BPF) on the interface for at most {@code seconds}. */
    static LabCapture start(String namespace, String device, String filter, Path file, long seconds)
            throws IOException, InterruptedException {
        Process tshark = new ProcessBuilder("ip", "netns", "exec", namespace, "tshark", "-i", device, "-f", filter,
                "-a", "duration:" + seconds, "-w", file.toString()).redirectErrorStream(true).start();
        LabCapture capture = new LabCapture(tshark, file);
        BufferedReader lines = new BufferedReader(new InputStreamReader(tshark.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("Capturing on")) {
                Thread drain = new Thread(() -> {
                    try {
                        lines.lines().forEach(ignored -> { });
                    } catch (UncheckedIOException e) {
                        // tshark ended; its output is of no further use.
                    }
                }, "tshark-output");
                drain.setDaemon(true);
                drain.start();
                return capture;
            }
        }
        capture.close();
        throw new AssertionError("tshark did not start capturing in " + namespace + ":\n" + seen);
    }

    /** Waits (bounded) for the capture to end at its duration. */
    void awaitEnd(long seconds) throws InterruptedException {
        if (!tshark.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("tshark did not stop within " + seconds + " s");
        }
    }

    /** tshark over the capture with these options (a display filter, fields); its output lines. */
    List<String> read(String... options) throws IOException, InterruptedException {
        return new Reader(file, List.of()).read(options);
    }

    /** tshark over a capture file with preferences ({@code -o} options) for every read. */
    record Reader(Path file, List<String> preferences) {
        Reader {
            preferences = List.copyOf(preferences);
        }

        List<String> read(String... options) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString()));
            command.addAll(preferences);
            command.addAll(List.of(options));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed:\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("Running as user"))
                    .toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (tshark.isAlive()) {
            tshark.destroy();
            if (!tshark.waitFor(10, TimeUnit.SECONDS)) {
                tshark.destroyForcibly();
            }
        }
    }
}
