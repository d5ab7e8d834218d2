package io.homeward.launcher;

import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;

/**
 * Logging for the whole runtime: one line per event on the terminal (no stack traces there) and
 * the full record, stack traces included, in the data directory's log file. Set up in code,
 * before the framework starts, so nothing logs into a no-op logger (lab notes: slf4j start order).
 */
final class LogSetup {
    private LogSetup() {
    }

    static void configure(Path logFile, String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(console(context));
        root.addAppender(file(context, logFile));
    }

    static void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    private static ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console = new ConsoleAppender<>();
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

    private static FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file(LoggerContext context, Path logFile) {
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(logFile.toString());
        file.setAppend(true);
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n"));
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
