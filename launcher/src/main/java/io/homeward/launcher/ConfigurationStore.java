package io.homeward.launcher;

import java.util.Map;
import java.util.Optional;

/** The runtime's Configuration Admin, as the launcher needs it. */
interface ConfigurationStore {

    /**
     * A stored configuration.
     *
     * @param properties  its properties, without those Configuration Admin adds ({@code service.pid} …)
     * @param changeCount Configuration Admin's change count, which every update raises
     */
    record Stored(Map<String, Object> properties, long changeCount) {
    }

    /** The configuration of the PID ({@code factoryPid~name} for a factory configuration), empty when there is none. */
    Optional<Stored> read(String pid) throws StartupException;

    /** Replaces the PID's properties, creating the configuration if needed; returns the new change count. */
    long write(String pid, Map<String, Object> properties) throws StartupException;
}
