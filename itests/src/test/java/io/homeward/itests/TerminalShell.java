package io.homeward.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The launcher jar running as an operator runs it on a terminal, with its Gogo shell, so a test can type commands
 * into the running runtime ({@code homeward:invite}, {@code homeward:revoke}, {@code homeward:cert}) and read their
 * answers. The launcher offers the shell only on an interactive terminal, so it runs under util-linux
 * {@code script}, which gives it a pseudo-terminal; the terminal's echo is turned off so only what the runtime
 * prints comes back. Log lines go to a file (stderr), the terminal shows the "Web console:" line, Gogo's {@code g!}
 * prompts and the commands' answers. Each command is followed by {@code echo} of a marker, whose line ends the
 * answer. Closing the input stops the runtime as closing its terminal would (Gogo stops the framework); every wait is
 * bounded and {@link #close()} kills what is left.
 */
public final class TerminalShell implements AutoCloseable {
    private static final String PROMPT = "g! ";

    private final Process process;
    private final OutputStream input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private int markers;

    private TerminalShell(Process process) {
        this.process = process;
        this.input = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(line -> lines.add(withoutPrompts(line.replace("\r", ""))));
            } catch (IOException | UncheckedIOException e) {
                // The terminal closed with the runtime; what it printed is in the queue.
            }
        }, "terminal-shell");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -jar homeward.jar ARGS} on a pseudo-terminal, prefixed by {@code wrapper} (for example
     * {@code ip netns exec hw-rdv}, or nothing), its log lines into {@code stderr}; waits (bounded) for its
     * "Web console:" line, printed once every bundle has started.
     */
    public static TerminalShell start(List<String> wrapper, List<String> launcherArgs, Path stderr, long seconds)
            throws IOException, InterruptedException {
        StringBuilder java = new StringBuilder("stty -echo; exec ")
                .append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                .append(" -jar ").append(quote(System.getProperty("homeward.jar")));
        for (String arg : launcherArgs) {
            java.append(' ').append(quote(arg));
        }
        java.append(" 2>>").append(quote(stderr.toString()));
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of("script", "-qfec", java.toString(), "/dev/null"));
        TerminalShell shell = new TerminalShell(new ProcessBuilder(command).redirectErrorStream(true).start());
        try {
            shell.awaitLine("Web console:", seconds);
            return shell;
        } catch (AssertionError e) {
            shell.close();
            throw e;
        }
    }

    /** Types the command and returns what it printed (blank lines dropped); bounded by {@code seconds}. */
    public List<String> run(String command, long seconds) throws IOException, InterruptedException {
        String marker = "__homeward_itest_done_" + (++markers) + "__";
        input.write((command + "\necho " + marker + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
        List<String> answer = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) {
                    break;
                }
                continue;
            }
            seen.add(line);
            if (line.equals(marker)) {
                return answer;
            }
            if (!line.isBlank()) {
                answer.add(line);
            }
        }
        throw new AssertionError("'" + command + "' did not finish within " + seconds + " s; it printed " + answer);
    }

    /** {@link #run} for a command whose answer is one line. */
    public String runOneLine(String command, long seconds) throws IOException, InterruptedException {
        List<String> answer = run(command, seconds);
        if (answer.size() != 1) {
            throw new AssertionError("'" + command + "' answered " + answer.size() + " lines, not one: " + answer);
        }
        return answer.get(0);
    }

    /** Waits, bounded, for a line containing the text; fails with everything seen. */
    public String awaitLine(String text, long seconds) throws InterruptedException {
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
        throw new AssertionError("no line with '" + text + "' within " + seconds + " s; the terminal showed:\n"
                + String.join("\n", seen));
    }

    /**
     * Closes the terminal's input: Gogo stops the framework, as after Ctrl-D on a terminal. Waits (bounded) for the
     * runtime to end; its exit status.
     */
    public int stop(long seconds) throws InterruptedException {
        try {
            input.close();
        } catch (IOException e) {
            // Already gone: the wait below says so.
        }
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runtime did not stop within " + seconds + " s after its terminal closed");
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Gogo prints its prompt before it reads a line, so an answer's first line starts with one or more prompts. */
    private static String withoutPrompts(String line) {
        String rest = line;
        while (rest.startsWith(PROMPT)) {
            rest = rest.substring(PROMPT.length());
        }
        return rest;
    }

    /** One word for {@code sh -c}: single-quoted. */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * SIGKILL to the runtime and what runs it, as {@code kill -9} or a crash stops it (nothing withdrawn, no goodbye
     * to anyone); waits, bounded, until every one of them exited, so a new start finds its ports free.
     */
    public void kill(long seconds) throws InterruptedException {
        List<ProcessHandle> running = new ArrayList<>(process.descendants().toList());
        running.add(process.toHandle());
        running.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ProcessHandle handle : running) {
            while (handle.isAlive()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("process " + handle.pid() + " did not exit within " + seconds + " s");
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
