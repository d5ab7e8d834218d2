package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

    @Test
    void operatorDirectoryGivesItsJsonFilesInOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.json"), named("b", ""));
        Files.writeString(dir.resolve("a.json"), named("a", ", \"io.homeward.identity\": {\"hostName\": \"x\"}"));
        Files.writeString(dir.resolve("notes.txt"), "not configuration");
        List<URL> urls = ConfigSources.resolve(Optional.of(dir), new OwnArchive(dir));
        assertEquals(List.of(dir.resolve("a.json").toUri().toURL(), dir.resolve("b.json").toUri().toURL()), urls);
    }

    @Test
    void brokenFileStopsTheLaunchNamingFileAndPlace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("homeward.json"), "{\n  \"io.homeward.identity\": { \"hostName\": \"x\" \n}");
        StartupException e = assertThrows(StartupException.class, () -> ConfigSources.resolve(Optional.of(dir), new OwnArchive(dir)));
        assertEquals("bad configuration file " + dir.resolve("homeward.json") + ", line 3, column 2: the file ends where '}' was expected",
                e.getMessage());
    }

    @Test
    void fileWithoutItsConfiguratorNameIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("homeward.json"), "{\":configurator:resource-version\": 1}");
        StartupException e = assertThrows(StartupException.class, () -> ConfigSources.resolve(Optional.of(dir), new OwnArchive(dir)));
        assertEquals("bad configuration file " + dir.resolve("homeward.json")
                + ": it needs \":configurator:symbolic-name\" (see config/homeward.json for the form)", e.getMessage());
    }

    private static String named(String name, String more) {
        return "{\":configurator:symbolic-name\": \"" + name + "\", \":configurator:version\": \"1.0.0\"" + more + "}";
    }

    @Test
    void missingDirectoryIsNamed(@TempDir Path dir) {
        StartupException e = assertThrows(StartupException.class,
                () -> ConfigSources.resolve(Optional.of(dir.resolve("nope")), new OwnArchive(dir)));
        assertEquals("the configuration directory " + dir.resolve("nope") + " does not exist", e.getMessage());
    }

    @Test
    void withoutADirectoryThePackedDefaultsApply(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/homeward.json"), named("defaults", ""));
        List<URL> urls = ConfigSources.resolve(Optional.empty(), new OwnArchive(dir));
        assertEquals(1, urls.size());
        assertTrue(urls.get(0).toString().endsWith("config/homeward.json"));
    }
}
