package io.homeward.itests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used (user + system, every thread), from {@code /proc/PID/stat} (proc(5): utime and
 * stime, fields 14 and 15, counted after the command name, which may contain spaces) in clock ticks of
 * {@code USER_HZ}, which Linux fixes at 100 for this interface.
 */
final class ProcessCpu {
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** CPU nanoseconds the process has used so far. */
    static long nanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }
}
