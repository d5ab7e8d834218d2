package io.homeward.launcher;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The framework properties of a Homeward runtime, built from the launch options. */
final class FrameworkProperties {
    /** Bundles read the feature and the data directory from these. */
    static final String FEATURE = "homeward.feature";
    static final String DATA = "homeward.data";

    private FrameworkProperties() {
    }

    /**
     * @param consolePasswordHash the console password as {@link ConsolePasswordHash} writes it: the console's answer
     *                            to a configuration deleted in its Configuration page, and no plain password among
     *                            the framework properties its pages list
     * @param console             where and how the web console is served
     */
    static Map<String, Object> of(LaunchOptions options, ConsoleEndpoint console, DataDirectory data, String consolePasswordHash,
            String systemPackages, List<URL> configuration, boolean interactive) {
        Map<String, Object> p = new HashMap<>();
        p.put("org.osgi.framework.storage", data.frameworkStorage().toString());
        p.put("org.osgi.framework.system.packages.extra", systemPackages);
        p.put("felix.log.level", "2");
        // The OSGi log service drops entries below its default level (WARN) before anyone sees them.
        p.put("org.osgi.service.log.admin.loglevel", options.logLevel().toUpperCase(java.util.Locale.ROOT));
        // Logging and DS, then configuration; the launcher applies the configuration files and then starts
        // everything else (see Main#START_LEVELS).
        p.put("org.osgi.framework.startlevel.beginning", Integer.toString(Main.CONFIGURATION_START_LEVEL));
        p.put("felix.log.logger", new FelixLogAdapter());
        p.put(FEATURE, options.feature());
        p.put(DATA, data.root().toString());
        // A one-shot --exec run must not clash with a runtime serving the console elsewhere.
        console.putJettyProperties(p, options.exec().isPresent() ? 0 : console.port());
        p.put("felix.webconsole.username", ConsoleSettings.USER);
        p.put("felix.webconsole.password", consolePasswordHash);
        p.put("configurator.initial", configuration.stream().map(URL::toString).collect(Collectors.joining(",")));
        // Gogo: a shell on an interactive terminal only; closing it there stops the runtime.
        p.put("gosh.args", options.shell() && interactive ? "" : "--nointeractive");
        return p;
    }
}
