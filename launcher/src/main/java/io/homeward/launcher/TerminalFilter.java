package io.homeward.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The terminal shows what Homeward says and what others warn about; the log file keeps all.
 */
final class TerminalFilter extends Filter<ILoggingEvent> {
    private final Level othersThreshold;

    TerminalFilter(Level othersThreshold) {
        this.othersThreshold = othersThreshold;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String logger = event.getLoggerName();
        if (logger.startsWith("io.homeward") || event.getLevel().isGreaterOrEqual(othersThreshold)) {
            return FilterReply.NEUTRAL;
        }
        return FilterReply.DENY;
    }
}
