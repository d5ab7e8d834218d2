package io.homeward.itests.netlab;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Waits for log lines. A runtime's log is written asynchronously (the OSGi Log Service hands entries to its
 * listeners on its own thread), so a line may land a moment after the answer that caused it; every wait is bounded
 * and fails with the log's tail.
 */
final class LabLogs {
    private static final int TAIL_LINES = 30;

    /** The text of a log, read again at every look. */
    interface LogText {
        String read() throws IOException;
    }

    private LabLogs() {
    }

    /** Waits up to {@code seconds} for a line that passes {@code wanted}. */
    static void awaitLine(LogText log, Predicate<String> wanted, long seconds)
            throws IOException, InterruptedException {
        awaitLines(log, wanted, 1, seconds);
    }

    /** Waits up to {@code seconds} for at least {@code count} lines that pass {@code wanted}. */
    static void awaitLines(LogText log, Predicate<String> wanted, int count, long seconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            if (log.read().lines().filter(wanted).count() >= count) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not " + count + " such log line(s) within " + seconds + " s; the log ends with:\n"
                + tail(log.read()));
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
