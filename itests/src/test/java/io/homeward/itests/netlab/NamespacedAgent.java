package io.homeward.itests.netlab;

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

/**
 * The launcher jar's agent runtime started inside a lab namespace, with one {@code --exec} command or
 * running until stopped; its output read line by line. Closing kills it if it is still running.
 */
final class NamespacedAgent implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private NamespacedAgent(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // The process ended; what it printed is in the queue.
            }
        }, "agent-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the agent in the namespace running the command; {@code config} may be null for the shipped defaults. */
    static NamespacedAgent start(String namespace, Path data, Path config, String command) throws IOException {
        return launch("agent", namespace, data, config, List.of("--exec", command));
    }

    /** Starts a runtime of the feature in the namespace running the command. */
    static NamespacedAgent start(String feature, String namespace, Path data, Path config, String command)
            throws IOException {
        return launch(feature, namespace, data, config, List.of("--exec", command));
    }

    /**
     * Starts the agent as a service manager runs it, until stopped, with its web console on the
     * namespace's loopback at {@code consolePort}; it prints a "Web console:" line once that answers.
     */
    static NamespacedAgent serve(String namespace, Path data, Path config, int consolePort) throws IOException {
        return serve("agent", namespace, data, config, consolePort);
    }

    /** Like {@link #serve(String, Path, Path, int)} for any feature, for example the rendezvous. */
    static NamespacedAgent serve(String feature, String namespace, Path data, Path config, int consolePort)
            throws IOException {
        return launch(feature, namespace, data, config, List.of("--console-port", Integer.toString(consolePort)));
    }

    /** Like {@link #serve(String, Path, Path, int)} with more launcher options, for example {@code --join CODE}. */
    static NamespacedAgent serve(String feature, String namespace, Path data, Path config, int consolePort,
            List<String> options) throws IOException {
        List<String> mode = new ArrayList<>(List.of("--console-port", Integer.toString(consolePort)));
        mode.addAll(options);
        return launch(feature, namespace, data, config, mode);
    }

    /**
     * Like {@link #serve(String, String, Path, Path, int, List)} on a machine named {@code hostName}: the runtime gets
     * a UTS namespace of its own with that host name, as if it ran on a computer of that name.
     */
    static NamespacedAgent serveNamed(String hostName, String feature, String namespace, Path data, Path config,
            int consolePort, List<String> options) throws IOException {
        List<String> mode = new ArrayList<>(List.of("--console-port", Integer.toString(consolePort)));
        mode.addAll(options);
        return launch(List.of("unshare", "--uts", "--", "sh", "-c", "hostname \"$0\" && exec \"$@\"", hostName), feature,
                namespace, data, config, mode);
    }

    private static NamespacedAgent launch(String feature, String namespace, Path data, Path config, List<String> mode)
            throws IOException {
        return launch(List.of(), feature, namespace, data, config, mode);
    }

    private static NamespacedAgent launch(List<String> wrapper, String feature, String namespace, Path data,
            Path config, List<String> mode) throws IOException {
        List<String> args = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        args.addAll(wrapper);
        args.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("homeward.jar"),
                "--feature", feature, "--data", data.toString(), "--no-shell"));
        args.addAll(mode);
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        // Log lines go to stderr; only what the command prints is read here.
        return new NamespacedAgent(new ProcessBuilder(args).redirectError(data.resolveSibling(data.getFileName() + ".stderr").toFile())
                .start());
    }

    /** Waits, bounded, for a line containing the text; fails with everything seen. */
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

    /** SIGTERM, as a service manager stops it; waits (bounded) for the exit status. */
    int stop(long seconds) throws InterruptedException {
        process.destroy();
        return awaitExit(seconds);
    }

    /** SIGKILL: no shutdown hook runs, so nothing is withdrawn; what a crash or a pulled plug looks like. */
    void kill(long seconds) throws InterruptedException {
        process.destroyForcibly();
        awaitExit(seconds);
    }

    long pid() {
        return process.pid();
    }

    /** Every line printed so far (bounded wait: what is queued now). */
    List<String> output() {
        List<String> now = new ArrayList<>();
        lines.drainTo(now);
        seen.addAll(now);
        return List.copyOf(seen);
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the agent did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
