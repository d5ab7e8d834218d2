package io.homeward.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.slf4j.Logger;

class Slf4jForwarderTest {
    private final List<String> calls = new ArrayList<>();
    private final List<Object> errors = new ArrayList<>();

    @Test
    void levelsMapAndExceptionsTravel() {
        IllegalStateException boom = new IllegalStateException("boom");
        Slf4jForwarder forwarder = new Slf4jForwarder(this::recordingLogger);
        forwarder.logged(entry("io.homeward.identity.internal.X", LogLevel.WARN, "careful", boom, "bsn"));
        forwarder.logged(entry("io.homeward.identity.internal.X", LogLevel.AUDIT, "audit", null, "bsn"));
        forwarder.logged(entry("io.homeward.identity.internal.X", LogLevel.TRACE, "fine", null, "bsn"));
        assertEquals(List.of("io.homeward.identity.internal.X warn careful", "io.homeward.identity.internal.X error audit",
                "io.homeward.identity.internal.X trace fine"), calls);
        assertSame(boom, errors.get(0));
    }

    @Test
    void routineFrameworkEventsGoToDebugButErrorsStay() {
        Slf4jForwarder forwarder = new Slf4jForwarder(this::recordingLogger);
        forwarder.logged(entry("LogService", LogLevel.INFO, "ServiceEvent REGISTERED", null, "b"));
        forwarder.logged(entry("Events.Bundle", LogLevel.INFO, "BundleEvent STARTED", null, "b"));
        forwarder.logged(entry("Events.Framework", LogLevel.ERROR, "FrameworkEvent ERROR", null, "b"));
        forwarder.logged(entry("LogService", LogLevel.INFO, "ServiceEvent REGISTERED happened", null, "b"));
        assertEquals(List.of("b debug ServiceEvent REGISTERED", "Events.Bundle debug BundleEvent STARTED",
                "Events.Framework error FrameworkEvent ERROR", "b info ServiceEvent REGISTERED happened"), calls);
    }

    @Test
    void untargetedEntriesAreNamedAfterTheirBundle() {
        assertEquals("org.apache.felix.scr", Slf4jForwarder.loggerName(entry("LogService", LogLevel.INFO, "m", null, "org.apache.felix.scr")));
        assertEquals("osgi", Slf4jForwarder.loggerName(entry("", LogLevel.INFO, "m", null, null)));
    }

    private Logger recordingLogger(String name) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (p, m, a) -> {
            calls.add(name + " " + m.getName() + " " + a[0]);
            errors.add(a.length > 1 ? a[1] : null);
            return null;
        });
    }

    private static LogEntry entry(String logger, LogLevel level, String message, Throwable error, String bsn) {
        Bundle bundle = bsn == null ? null : (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (p, m, a) -> "getSymbolicName".equals(m.getName()) ? bsn : null);
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("getLoggerName", logger);
        values.put("getLogLevel", level);
        values.put("getMessage", message);
        values.put("getException", error);
        values.put("getBundle", bundle);
        return (LogEntry) Proxy.newProxyInstance(LogEntry.class.getClassLoader(), new Class<?>[] {LogEntry.class},
                (p, m, a) -> values.get(m.getName()));
    }
}
