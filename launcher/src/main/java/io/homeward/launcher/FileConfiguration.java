package io.homeward.launcher;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.cm.json.io.Configurations;

/**
 * One PID's properties as a configuration file (OSGi Configurator format) gives them.
 *
 * @param pid        the PID, {@code factoryPid~name} for a factory configuration
 * @param properties the properties, typed as the Configurator types them
 * @param source     the file
 */
record FileConfiguration(String pid, Map<String, Object> properties, URL source) {

    /** Every PID of the files; a PID in several files takes the last file's properties. */
    static Map<String, FileConfiguration> read(List<URL> files) throws StartupException {
        Map<String, FileConfiguration> pids = new LinkedHashMap<>();
        for (URL file : files) {
            try (Reader in = new InputStreamReader(file.openStream(), StandardCharsets.UTF_8)) {
                Map<String, Hashtable<String, Object>> read = Configurations.buildReader().withIdentifier(file.toString())
                        .build(in).readConfigurationResource().getConfigurations();
                read.forEach((pid, properties) -> pids.put(pid, new FileConfiguration(pid, Map.copyOf(properties), file)));
            } catch (IOException e) {
                throw new StartupException("cannot read the configuration file " + file + ": " + e.getMessage());
            }
        }
        return pids;
    }
}
