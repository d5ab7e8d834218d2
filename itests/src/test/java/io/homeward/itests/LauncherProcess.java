package io.homeward.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The launcher jar run as a person runs it, with its terminal output captured line by line. */
final class LauncherProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
        // stdout and stderr are read separately, a whole line at a time, so lines never interleave.
        read(process.getInputStream(), "launcher-stdout");
        read(process.getErrorStream(), "launcher-stderr");
    }

    private void read(java.io.InputStream stream, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // The process ended and took its output with it; whatever it printed is in the queue.
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("homeward.jar")));
        command.addAll(List.of(args));
        return new LauncherProcess(new ProcessBuilder(command).start());
    }

    /** Waits, bounded, for a line containing the text; returns it, or fails with what was seen. */
    String awaitLine(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line with '" + text + "' within " + seconds + " s; output was:\n" + String.join("\n", seen));
    }

    /** Everything printed until the process ends (bounded). */
    List<String> outputUntilExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit within " + seconds + " s");
        }
        Thread.sleep(100);
        lines.drainTo(seen);
        return List.copyOf(seen);
    }

    /** SIGKILL, and wait (bounded) for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it. */
    void terminate() {
        process.destroy();
    }

    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
