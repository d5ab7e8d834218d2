package io.homeward.launcher;

import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

/**
 * Logging for the whole runtime: one line per event on the terminal (no stack traces there) and
 * the full record, stack traces included, in the data directory's log file, rolled over by size and
 * capped ({@link LogRotation}) because it shares the disk with the journal. Set up in code,
 * before the framework starts, so nothing logs into a no-op logger (lab notes: slf4j start order).
 */
final class LogSetup {
    private LogSetup() {
    }

    static void configure(Path logFile, String level, LogRotation rotation) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(console(context));
        root.addAppender(file(context, logFile, rotation));
    }

    static void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("terminal");
        // Log lines on stderr; what a command prints (--exec results, the console address) on stdout.
        console.setTarget("System.err");
        console.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%nopex"));
        TerminalFilter filter = new TerminalFilter(Level.WARN);
        filter.start();
        console.addFilter(filter);
        console.start();
        return console;
    }

    /** {@code homeward.log}, rolled over to {@code homeward.1.log} … {@code homeward.N.log}. */
    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, Path logFile, LogRotation rotation) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(logFile.toString());
        file.setAppend(true);
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n"));
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        String name = logFile.getFileName().toString();
        rolling.setFileNamePattern(logFile.resolveSibling(name.replaceFirst("\\.log$", "") + ".%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(rotation.files() - 1);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(new FileSize(rotation.fileBytes()));
        // Logback looks at the size once a minute by default; a flood of lines would overshoot the cap by far.
        size.setCheckIncrement(Duration.buildByMilliseconds(0));
        size.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(size);
        file.start();
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
