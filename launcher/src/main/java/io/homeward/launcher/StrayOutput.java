package io.homeward.launcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;

/**
 * Where bundles' own {@code System.out} prints go while {@code --exec} runs: into the log, one event per
 * line, so the terminal's stdout carries the command's answer alone (Felix EventAdmin, for one, prints
 * its warnings to stdout once the log service has stopped during shutdown).
 */
final class StrayOutput extends OutputStream {
    private static final int MAX_LINE = 8192;
    private final Logger log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private StrayOutput(Logger log) {
        this.log = log;
    }

    static PrintStream into(Logger log) {
        return new PrintStream(new StrayOutput(log), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (b != '\r') {
            line.write(b);
            if (line.size() >= MAX_LINE) {
                flushLine();
            }
        }
    }

    @Override
    public synchronized void close() {
        flushLine();
    }

    private void flushLine() {
        if (line.size() > 0) {
            log.info("{}", line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
