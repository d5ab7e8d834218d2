package io.homeward.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The configuration files handed to the OSGi Configurator: every {@code *.json} of the operator's
 * --config directory, or else the defaults packed in the jar. Each is syntax-checked first so a
 * broken file stops the launch with one line instead of being skipped by the Configurator.
 */
final class ConfigSources {
    private static final List<String> REQUIRED_KEYS = List.of(":configurator:symbolic-name", ":configurator:version");
    private ConfigSources() {
    }

    static List<URL> resolve(Optional<Path> configDir, OwnArchive archive) throws StartupException {
        if (configDir.isEmpty()) {
            return defaults(archive);
        }
        try {
            return fromDirectory(configDir.get());
        } catch (IOException e) {
            throw new StartupException("cannot read the configuration: " + e.getMessage());
        }
    }

    /** The defaults packed in the jar. */
    static List<URL> defaults(OwnArchive archive) throws StartupException {
        try {
            return packed(archive);
        } catch (IOException e) {
            throw new StartupException("cannot read the configuration: " + e.getMessage());
        }
    }

    private static List<URL> fromDirectory(Path dir) throws IOException, StartupException {
        if (!Files.isDirectory(dir)) {
            throw new StartupException("the configuration directory " + dir + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<URL> urls = new ArrayList<>();
        for (Path file : files) {
            check(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            urls.add(file.toUri().toURL());
        }
        return urls;
    }

    private static List<URL> packed(OwnArchive archive) throws IOException, StartupException {
        List<URL> urls = new ArrayList<>();
        for (String name : archive.list("config")) {
            if (name.endsWith(".json")) {
                try (InputStream in = archive.open("config/" + name)) {
                    check("config/" + name + " (packed)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                urls.add(archive.url("config/" + name));
            }
        }
        return urls;
    }

    private static void check(String name, String content) throws StartupException {
        try {
            JsonCheck.check(content);
        } catch (JsonCheck.JsonError e) {
            throw new StartupException("bad configuration file " + name + ", " + e.getMessage());
        }
        // The Configurator names a file given by URL after these two keys and refuses it without them.
        for (String key : REQUIRED_KEYS) {
            if (!content.contains("\"" + key + "\"")) {
                throw new StartupException("bad configuration file " + name + ": it needs \"" + key
                        + "\" (see config/homeward.json for the form)");
            }
        }
    }
}
