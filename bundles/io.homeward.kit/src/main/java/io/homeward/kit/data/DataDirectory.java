package io.homeward.kit.data;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;

/**
 * Where a component keeps its state: one policy for every bundle. The launcher sets the framework property
 * {@value #PROPERTY} to the runtime's data directory ({@code --data}); a framework started without it (a test, an
 * embedding) gets the bundle's own persistent storage area, and the component says so once in the log.
 */
public final class DataDirectory {
    /** Framework property naming the runtime's data directory. */
    public static final String PROPERTY = "homeward.data";

    private DataDirectory() {
    }

    /**
     * The sub-directory {@code name} of the runtime's data directory (not created here: create it with
     * {@link io.homeward.kit.files.PrivateDirectories#create}, which makes it owner-only).
     */
    public static Path resolve(BundleContext context, String name, Logger log) {
        String data = context.getProperty(PROPERTY);
        if (data == null || data.isBlank()) {
            Path fallback = context.getDataFile("").toPath().resolve(name);
            log.warn("The framework property {} is not set; keeping {} in {}", PROPERTY, name, fallback);
            return fallback;
        }
        return Path.of(data).resolve(name);
    }
}
