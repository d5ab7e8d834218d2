package io.homeward.itests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server process's memory: resident set size from /proc/PID/status and, after a full collection asked for
 * with jcmd (the launcher keeps little free heap, so the heap shrinks after it), the live heap.
 */
public final class ServerMemory {
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final long JCMD_SECONDS = 120;

    private final long pid;
    private final Path jcmd;

    public ServerMemory(long pid) {
        this.pid = pid;
        Path java = Path.of(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this client")));
        this.jcmd = java.resolveSibling("jcmd");
    }

    /** Collects garbage, then reads resident and live heap bytes. */
    public Reading read() throws IOException, InterruptedException {
        jcmd("GC.run");
        String heap = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(heap);
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info printed no heap usage: " + heap);
        }
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        Matcher rss = RSS.matcher(status);
        if (!rss.find()) {
            throw new IOException("/proc/" + pid + "/status has no VmRSS line");
        }
        return new Reading(Long.parseLong(rss.group(1)) * 1024, Long.parseLong(used.group(1)) * 1024);
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + command + " did not finish within " + JCMD_SECONDS + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + text);
        }
        return text;
    }

    /** @param rssBytes resident set size; @param heapBytes live heap after a full collection */
    public record Reading(long rssBytes, long heapBytes) {
    }
}
