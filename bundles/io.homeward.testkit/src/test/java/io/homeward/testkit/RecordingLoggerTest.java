package io.homeward.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;

import io.homeward.testkit.RecordingLogger.Entry;

class RecordingLoggerTest {
    private final RecordingLogger log = new RecordingLogger();
    private final Logger logger = log.logger();

    @Test
    void keepsLevelAndMessageInOrder() {
        logger.info("started");
        logger.warn("disk {} is full", "/var");
        logger.error("{} failed after {} tries", "renewal", 3);
        logger.audit("user {} added", "alice");

        assertEquals(List.of(new Entry(LogLevel.INFO, "started"), new Entry(LogLevel.WARN, "disk /var is full"),
                new Entry(LogLevel.ERROR, "renewal failed after 3 tries"), new Entry(LogLevel.AUDIT, "user alice added")),
                log.entries());
        assertEquals(List.of("INFO started", "WARN disk /var is full", "ERROR renewal failed after 3 tries",
                "AUDIT user alice added"), log.lines());
    }

    @Test
    void fillsVarargsAndAppendsWhatNoPlaceholderTook() {
        logger.debug("{}:{} -> {}", "a", 1, "b");
        logger.error("listener {} failed", "L1", new IllegalStateException("broken listener"));
        logger.trace("no placeholder", (Object) new Object[] {"x", "y"});

        assertEquals(List.of("a:1 -> b"), log.messages(LogLevel.DEBUG));
        assertEquals(List.of("listener L1 failed | java.lang.IllegalStateException: broken listener"),
                log.messages(LogLevel.ERROR));
        assertEquals(List.of("no placeholder | [x, y]"), log.messages(LogLevel.TRACE));
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotFilledAgain() {
        logger.info("{} and {}", "{}", "b");
        assertEquals(List.of("{} and b"), log.messages(LogLevel.INFO));
    }

    @Test
    void countsAndFindsFragmentsPerLevel() {
        logger.warn("first warning about x");
        logger.warn("second warning about x");
        logger.info("about x too");

        assertEquals(2, log.count(LogLevel.WARN, "about x"));
        assertEquals(1, log.count(LogLevel.INFO, "about x"));
        assertEquals(0, log.count(LogLevel.ERROR, "about x"));
        assertTrue(log.has(LogLevel.WARN, "second"));
        assertFalse(log.has(LogLevel.INFO, "second"));
    }

    @Test
    void behavesLikeAnEnabledLogger() {
        assertTrue(logger.isTraceEnabled());
        assertTrue(logger.isErrorEnabled());
        assertEquals("test", logger.getName());
        assertEquals(logger, logger);
        assertTrue(log.entries().isEmpty(), "queries are not logged");
    }
}
