package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConfigurationTest {

    @Test
    void readsEachPidOfTheFilesTheLastFileWinning(@TempDir Path dir) throws Exception {
        URL first = Files.writeString(dir.resolve("a.json"), """
                { ":configurator:symbolic-name": "a", ":configurator:version": "1.0.0",
                  // comments as the Configurator allows them
                  "io.homeward.rendezvous.transport": { "port": 8053, "bindAddress": "127.0.0.1" },
                  "io.homeward.rendezvous.stun": { "port": 3478 } }
                """).toUri().toURL();
        URL second = Files.writeString(dir.resolve("b.json"), """
                { ":configurator:symbolic-name": "b", ":configurator:version": "1.0.0",
                  "io.homeward.rendezvous.transport": { "port:Integer": 9053 },
                  "io.homeward.tunnel.manualsa~laptop": { "peer": "laptop", "addresses": ["a", "b"] } }
                """).toUri().toURL();

        Map<String, FileConfiguration> read = FileConfiguration.read(List.of(first, second));

        assertEquals(List.of("io.homeward.rendezvous.transport", "io.homeward.rendezvous.stun", "io.homeward.tunnel.manualsa~laptop"),
                List.copyOf(read.keySet()));
        assertEquals(new FileConfiguration("io.homeward.rendezvous.transport", Map.of("port", 9053), second),
                read.get("io.homeward.rendezvous.transport"));
        assertEquals(3478L, read.get("io.homeward.rendezvous.stun").properties().get("port"));
        assertEquals(first, read.get("io.homeward.rendezvous.stun").source());
    }
}
