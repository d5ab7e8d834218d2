package io.homeward.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import org.ops4j.pax.exam.Option;

/**
 * The runtime exactly as the launcher ships it: the same resolved bundle list per feature and the
 * same system packages, read from the features build output, booted by Pax Exam.
 */
final class ShippedRuntime {
    /** Started first, as the launcher does, so early log output reaches the log service. */
    private static final List<String> START_FIRST = List.of("org.apache.felix.log", "org.apache.felix.scr", "io.homeward.logging",
            "org.apache.felix.configadmin", "org.apache.felix.configurator");

    private ShippedRuntime() {
    }

    static Path runtimeDir() {
        return Path.of(System.getProperty("homeward.runtime"));
    }

    static List<String> bundleFiles(String feature) {
        try {
            return Files.readAllLines(runtimeDir().resolve("features/" + feature + ".list")).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the features module has not been built", e);
        }
    }

    /**
     * The feature's bundles as Pax Exam runs them: all but the TUN provider, which the network lab exercises in its
     * namespaces; here the runtime shares the host's network namespace (as root under CI), where tests must not
     * create interfaces.
     */
    static List<String> bundlesUnderTest(String feature) {
        return bundleFiles(feature).stream().filter(f -> !f.startsWith("io.homeward.tun.linux-")).toList();
    }

    static String[] launcherSystemPackages() {
        Properties bnd = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("homeward.features"), "runtime.bnd"))) {
            bnd.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bnd.getProperty("-runsystempackages").replaceAll("\\s+", "").split(",");
    }

    /**
     * A free port for a feature's console, the same in the Pax Exam driver and in the probe: the test
     * class is loaded twice (once per class loader) but the JVM's system properties are shared.
     */
    static int consolePort(String feature) {
        return Integer.parseInt(shared("homeward.itest.port." + feature, () -> {
            try (ServerSocket s = new ServerSocket(0)) {
                return Integer.toString(s.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** The console password of this test run, random so no test passes with a well-known one. */
    static String consolePassword() {
        return shared("homeward.itest.password", () -> "itest-" + UUID.randomUUID());
    }

    private static synchronized String shared(String key, Supplier<String> value) {
        String v = System.getProperty(key);
        if (v == null) {
            v = value.get();
            System.setProperty(key, v);
        }
        return v;
    }

    /**
     * The runtime with the shipped defaults, except that the rendezvous listens on free ports, so a
     * runtime a developer has running on the default ports does not get in the way.
     */
    static Option[] options(String feature) {
        Path defaults = Path.of(System.getProperty("homeward.features"), "..", "config", "homeward.json").normalize();
        try {
            String dns = Integer.toString(consolePort(feature + "-dns"));
            String tls = Integer.toString(consolePort(feature + "-tls"));
            String stun = Integer.toString(consolePort(feature + "-stun"));
            String config = Files.readString(defaults).replace("8053", dns).replace("8853", tls).replace("3478", stun);
            Path copy = Files.createTempDirectory("homeward-defaults").resolve("homeward.json");
            Files.writeString(copy, config);
            return options(feature, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shipped defaults with the tunnel's interface turned off, for launcher processes that run in the host's
     * network namespace: the configuration directory to pass with {@code --config}.
     */
    static Path hostSafeConfig() {
        Path defaults = Path.of(System.getProperty("homeward.features"), "..", "config", "homeward.json").normalize();
        try {
            String config = Files.readString(defaults).replaceFirst("\\{", "{\n  \"io.homeward.tunnel\": { \"interfaceName\": \"\" },");
            Path dir = Files.createTempDirectory("homeward-host-safe");
            Files.writeString(dir.resolve("homeward.json"), config);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runtime with another configuration file (OSGi Configurator format) instead of the shipped defaults. */
    static Option[] options(String feature, Path configuration) {
        int consolePort = consolePort(feature);
        List<Option> options = new ArrayList<>();
        Path data;
        try {
            data = Files.createTempDirectory("homeward-itest-" + feature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.add(cleanCaches(true));
        options.add(systemPackages(launcherSystemPackages()));
        options.add(frameworkProperty("homeward.feature").value(feature));
        options.add(frameworkProperty("homeward.data").value(data.toString()));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("org.osgi.service.http.port").value(Integer.toString(consolePort)));
        options.add(frameworkProperty("felix.webconsole.username").value("admin"));
        options.add(frameworkProperty("felix.webconsole.password").value(consolePassword()));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(frameworkProperty("configurator.initial").value(configuration.toUri().toString()));
        List<String> files = new ArrayList<>(bundlesUnderTest(feature));
        files.sort(Comparator.comparingInt(ShippedRuntime::startRank));
        for (String file : files) {
            options.add(bundle(runtimeDir().resolve("bundles").resolve(file).toUri().toString()));
        }
        options.add(junitBundles());
        return options.toArray(new Option[0]);
    }

    private static int startRank(String file) {
        for (int i = 0; i < START_FIRST.size(); i++) {
            if (file.startsWith(START_FIRST.get(i) + "-")) {
                return i;
            }
        }
        return START_FIRST.size();
    }
}
