package io.homeward.logging.internal;

import java.util.function.Function;
import java.util.regex.Pattern;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.slf4j.Logger;

/**
 * Writes each OSGi log entry to the slf4j logger named after the entry's logger name (for DS
 * component loggers, the component class) or, failing that, the bundle's symbolic name.
 */
final class Slf4jForwarder implements LogListener {
    private static final Pattern FRAMEWORK_EVENT = Pattern.compile("(Bundle|Service|Framework)Event [A-Z_]+");
    private final Function<String, Logger> loggers;

    Slf4jForwarder(Function<String, Logger> loggers) {
        this.loggers = loggers;
    }

    @Override
    public void logged(LogEntry entry) {
        Logger logger = loggers.apply(loggerName(entry));
        String message = entry.getMessage();
        Throwable error = entry.getException();
        LogLevel level = isRoutineFrameworkEvent(entry) ? LogLevel.DEBUG : entry.getLogLevel();
        switch (level) {
            case AUDIT, ERROR -> logger.error(message, error);
            case WARN -> logger.warn(message, error);
            case INFO -> logger.info(message, error);
            case DEBUG -> logger.debug(message, error);
            default -> logger.trace(message, error);
        }
    }

    /**
     * The log service records every bundle and service event (OSGi Compendium §101.6); they are
     * routine unless they carry an error, so they go to DEBUG rather than fill the terminal.
     */
    static boolean isRoutineFrameworkEvent(LogEntry entry) {
        if (entry.getException() != null || entry.getLogLevel() == LogLevel.ERROR) {
            return false;
        }
        String name = entry.getLoggerName();
        String message = entry.getMessage();
        return (name != null && name.startsWith("Events."))
                || (message != null && FRAMEWORK_EVENT.matcher(message).matches());
    }

    static String loggerName(LogEntry entry) {
        String name = entry.getLoggerName();
        // The OSGi log service names untargeted entries after the service; the bundle says more.
        if (name == null || name.isEmpty() || "LogService".equals(name) || name.startsWith("LogService.")) {
            return entry.getBundle() == null ? "osgi" : entry.getBundle().getSymbolicName();
        }
        return name;
    }
}
