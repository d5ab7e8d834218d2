package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class StrayOutputTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("stray-output-test");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void attach() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(events);
    }

    @Test
    void everyPrintedLineBecomesOneLogEventAndNothingIsLostOnClose() {
        PrintStream stray = StrayOutput.into(logger);
        stray.println("WARNING: EventAdmin: Event Task Processing Interrupted.");
        stray.print("first\r\nsecond\n\n");
        stray.print("unterminated");
        stray.close();
        assertEquals(List.of("WARNING: EventAdmin: Event Task Processing Interrupted.", "first", "second", "unterminated"),
                events.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void anEndlessLineIsCutIntoBoundedEvents() {
        PrintStream stray = StrayOutput.into(logger);
        stray.print("x".repeat(20_000));
        stray.close();
        assertEquals(List.of(8192, 8192, 3616), events.list.stream().map(e -> e.getFormattedMessage().length()).toList());
    }
}
