package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleSettingsTest {
    private static final String PID = ConsoleSettings.PID;
    private final FakeConfigurationStore store = new FakeConfigurationStore();
    private final ConsoleSettings settings = new ConsoleSettings(store, new Random(7), LoggerFactory.getLogger(ConsoleSettingsTest.class));

    @Test
    void aFirstStartWritesTheHashedPasswordTheStartPageAndTheRealm() throws Exception {
        settings.apply("from-the-file");
        Map<String, Object> stored = store.properties(PID);
        assertEquals("admin", stored.get("username"));
        assertTrue(ConsolePasswordHash.matches((String) stored.get("password"), "from-the-file"), stored.toString());
        assertFalse(stored.containsValue("from-the-file"), "no plain password is stored");
        assertEquals("homeward-overview", stored.get("default.render"));
        assertEquals("Homeward console", stored.get("realm"));
    }

    @Test
    void aLaterStartWithTheSamePasswordWritesNothing() throws Exception {
        settings.apply("from-the-file");
        long written = store.changeCount();
        settings.apply("from-the-file");
        assertEquals(written, store.changeCount());
    }

    @Test
    void theOperatorsStartPageAndOtherSettingsAreKept() throws Exception {
        settings.apply("from-the-file");
        Map<String, Object> changed = new HashMap<>(store.properties(PID));
        changed.put("default.render", "bundles");
        changed.put("locale", "de");
        store.write(PID, changed);
        settings.apply("from-the-file");
        assertEquals("bundles", store.properties(PID).get("default.render"));
        assertEquals("de", store.properties(PID).get("locale"));
    }

    @Test
    void aConfigurationWithoutPasswordOrWithTheBuiltInAdminGetsTheFilesPassword() throws Exception {
        store.write(PID, Map.of("default.render", "bundles"));
        settings.apply("from-the-file");
        assertTrue(ConsolePasswordHash.matches((String) store.properties(PID).get("password"), "from-the-file"));

        store.write(PID, Map.of("username", "admin", "password", "{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg="));
        settings.apply("from-the-file");
        assertTrue(ConsolePasswordHash.matches((String) store.properties(PID).get("password"), "from-the-file"));
        assertFalse(ConsolePasswordHash.matches((String) store.properties(PID).get("password"), "admin"));
    }

    @Test
    void aNewPasswordInTheFileReplacesTheStoredHash() throws Exception {
        settings.apply("old");
        settings.apply("new");
        assertTrue(ConsolePasswordHash.matches((String) store.properties(PID).get("password"), "new"));
    }
}
