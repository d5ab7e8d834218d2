package io.homeward.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

import org.slf4j.Logger;

import io.homeward.launcher.ConfigurationStore.Stored;

/**
 * Which configuration wins at start-up: the files in effect (--config, or the packed defaults) set every PID they
 * name, over what an earlier start applied from other files, but a configuration an operator changed in the web
 * console since Homeward last applied a file is kept. One log line per PID says which. What was applied is
 * remembered as Configuration Admin's change count per PID in {@value #RECORD}; a PID with no record (a data
 * directory from before the record) counts as unchanged while its values are the packed defaults.
 */
final class ConfigPrecedence {
    static final String RECORD = "configuration-applied.properties";

    private final ConfigurationStore store;
    private final Path recordFile;
    private final Logger log;

    ConfigPrecedence(ConfigurationStore store, Path dataDirectory, Logger log) {
        this.store = store;
        this.recordFile = dataDirectory.resolve(RECORD);
        this.log = log;
    }

    /**
     * @param files    the configuration of the files in effect
     * @param defaults the packed defaults, to recognise their values where there is no record
     */
    void apply(Map<String, FileConfiguration> files, Map<String, FileConfiguration> defaults) throws StartupException {
        Properties applied = load();
        for (FileConfiguration file : files.values()) {
            String pid = file.pid();
            Optional<Stored> stored = store.read(pid);
            long changeCount;
            if (stored.isEmpty()) {
                changeCount = store.write(pid, file.properties());
                log.info("Configuration {}: applied from {}", pid, file.source());
            } else if (differing(file.properties(), stored.get().properties()).isEmpty()) {
                changeCount = stored.get().changeCount();
                if (Long.toString(changeCount).equals(applied.getProperty(pid))) {
                    log.debug("Configuration {}: as in {}", pid, file.source());
                } else {
                    log.info("Configuration {}: applied from {}", pid, file.source());
                }
            } else if (fromAFile(stored.get(), applied.getProperty(pid), defaults.get(pid))) {
                List<String> keys = differing(file.properties(), stored.get().properties());
                changeCount = store.write(pid, file.properties());
                log.info("Configuration {}: applied {} from {}", pid, keys, file.source());
            } else {
                log.info("Configuration {}: kept as changed while running (web console, homeward:join); {} from {} not applied "
                        + "(delete the configuration in the console to use the file)", pid,
                        differing(file.properties(), stored.get().properties()), file.source());
                continue;
            }
            applied.setProperty(pid, Long.toString(changeCount));
        }
        save(applied);
    }

    /** Whether the stored configuration is what a file set, changed by nobody since. */
    private static boolean fromAFile(Stored stored, String appliedChangeCount, FileConfiguration defaults) {
        if (appliedChangeCount != null) {
            return appliedChangeCount.equals(Long.toString(stored.changeCount()));
        }
        return defaults != null && differing(defaults.properties(), stored.properties()).isEmpty();
    }

    /** The keys of {@code wanted} whose values {@code stored} does not have, sorted. */
    static List<String> differing(Map<String, Object> wanted, Map<String, Object> stored) {
        TreeSet<String> keys = new TreeSet<>();
        wanted.forEach((key, value) -> {
            if (!comparable(value).equals(comparable(stored.get(key)))) {
                keys.add(key);
            }
        });
        return List.copyOf(keys);
    }

    /** Arrays and collections as lists, numbers by value: 8053 as a Long equals 8053 as an Integer. */
    private static Object comparable(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.getClass().isArray()) {
            return java.util.stream.IntStream.range(0, Array.getLength(value)).mapToObj(i -> comparable(Array.get(value, i))).toList();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(ConfigPrecedence::comparable).toList();
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        return value;
    }

    private Properties load() throws StartupException {
        Properties applied = new Properties();
        if (Files.exists(recordFile)) {
            try (Reader in = Files.newBufferedReader(recordFile, StandardCharsets.UTF_8)) {
                applied.load(in);
            } catch (IOException e) {
                throw new StartupException("cannot read " + recordFile + ": " + e.getMessage());
            }
        }
        return applied;
    }

    private void save(Properties applied) throws StartupException {
        Path temporary = recordFile.resolveSibling(RECORD + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                applied.store(out, "Configuration Admin change count of each PID when Homeward last applied a configuration file");
            }
            Files.move(temporary, recordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StartupException("cannot write " + recordFile + ": " + e.getMessage());
        }
    }
}
