package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class ConfigPrecedenceTest {
    private static final String PID = "io.homeward.rendezvous.transport";

    @TempDir
    Path data;
    private final FakeConfigurationStore store = new FakeConfigurationStore();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Logger log;
    private URL defaultsFile;
    private URL operatorFile;

    @BeforeEach
    void captureLog() throws Exception {
        log = (Logger) LoggerFactory.getLogger(ConfigPrecedenceTest.class);
        log.setLevel(Level.DEBUG);
        lines.start();
        log.addAppender(lines);
        defaultsFile = data.resolve("packed.json").toUri().toURL();
        operatorFile = data.resolve("operator.json").toUri().toURL();
    }

    @AfterEach
    void release() {
        log.detachAppender(lines);
    }

    @Test
    void aFileGivenLaterWinsOverTheDefaultsAppliedBefore() throws Exception {
        Map<String, FileConfiguration> defaults = files(defaultsFile, 8053L);
        precedence().apply(defaults, defaults);
        assertEquals(8053L, store.properties(PID).get("port"));

        precedence().apply(files(operatorFile, 9053L), defaults);

        assertEquals(9053L, store.properties(PID).get("port"));
        assertEquals("Configuration " + PID + ": applied [port] from " + operatorFile, lastLine());
    }

    @Test
    void aValueChangedInTheConsoleIsKeptAndTheLogSaysWhy() throws Exception {
        Map<String, FileConfiguration> defaults = files(defaultsFile, 8053L);
        precedence().apply(defaults, defaults);
        store.write(PID, Map.of("bindAddress", "127.0.0.1", "port", 7053));

        precedence().apply(files(operatorFile, 9053L), defaults);

        assertEquals(7053, store.properties(PID).get("port"));
        assertEquals("Configuration " + PID + ": kept as changed while running (web console, homeward:join); [port] from "
                + operatorFile + " not applied (delete the configuration in the console to use the file)", lastLine());
        assertEquals(Level.INFO, lines.list.get(lines.list.size() - 1).getLevel());
    }

    @Test
    void aDataDirectoryWithoutARecordTakesTheFileOverUnchangedDefaults() throws Exception {
        store.write(PID, Map.of("bindAddress", "127.0.0.1", "port", 8053));

        precedence().apply(files(operatorFile, 9053L), files(defaultsFile, 8053L));

        assertEquals(9053L, store.properties(PID).get("port"));
    }

    @Test
    void aDataDirectoryWithoutARecordKeepsValuesThatAreNotTheDefaults() throws Exception {
        store.write(PID, Map.of("bindAddress", "127.0.0.1", "port", 7053));

        precedence().apply(files(operatorFile, 9053L), files(defaultsFile, 8053L));

        assertEquals(7053, store.properties(PID).get("port"));
    }

    @Test
    void theSameValuesOfAnotherTypeAreNotAChange() throws Exception {
        store.write(PID, Map.of("bindAddress", "127.0.0.1", "port", 9053, "addresses", new String[] {"a", "b"}));
        long before = store.changeCount();
        Map<String, FileConfiguration> file = Map.of(PID, new FileConfiguration(PID,
                Map.of("bindAddress", "127.0.0.1", "port", 9053L, "addresses", List.of("a", "b")), operatorFile));

        precedence().apply(file, Map.of());
        assertEquals("Configuration " + PID + ": applied from " + operatorFile, lastLine());
        precedence().apply(file, Map.of());

        assertEquals(before, store.changeCount());
        assertEquals("Configuration " + PID + ": as in " + operatorFile, lastLine());
        assertEquals(List.of(), ConfigPrecedence.differing(file.get(PID).properties(), store.properties(PID)));
    }

    @Test
    void aNewPidIsCreatedFromTheFile() throws Exception {
        precedence().apply(files(operatorFile, 9053L), Map.of());
        assertEquals(9053L, store.properties(PID).get("port"));
        assertEquals("Configuration " + PID + ": applied from " + operatorFile, lastLine());
    }

    private ConfigPrecedence precedence() {
        return new ConfigPrecedence(store, data, log);
    }

    private static Map<String, FileConfiguration> files(URL source, long port) {
        return Map.of(PID, new FileConfiguration(PID, Map.of("bindAddress", "127.0.0.1", "port", port), source));
    }

    private String lastLine() {
        return lines.list.get(lines.list.size() - 1).getFormattedMessage();
    }
}
