package io.homeward.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar homeward.jar}: checks the options, the data directory, the console port and the
 * configuration, then starts the feature's bundles in a Felix framework and runs until stopped.
 * Anything that prevents the start is one line on the terminal and a non-zero exit status.
 */
public final class Main {
    static final int EXIT_USAGE = 2;
    static final int EXIT_CANNOT_START = 1;
    static final int CONFIGURATION_START_LEVEL = 2;
    /**
     * Start levels: logging and DS first (1), then configuration (2), then everything else (3), so that
     * every bundle that logs while starting finds the log service (the Configurator prints to stdout
     * without one) and every component starts with the operator's configuration rather than its defaults.
     */
    /** The configuration check (a Configuration Admin plugin) and its metatype start with Configuration Admin. */
    private static final Map<String, Integer> START_LEVELS = Map.of("org.apache.felix.log", 1, "org.apache.felix.scr", 1,
            "io.homeward.logging", 1, "org.apache.felix.configadmin", CONFIGURATION_START_LEVEL,
            "org.apache.felix.configurator", CONFIGURATION_START_LEVEL, "org.apache.felix.metatype",
            CONFIGURATION_START_LEVEL, "io.homeward.config", CONFIGURATION_START_LEVEL);
    static final int LAST_START_LEVEL = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (UsageException e) {
            err.println("homeward: " + e.getMessage() + " (see --help)");
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(LaunchOptions.USAGE);
            return 0;
        }
        DataDirectory data;
        try {
            data = DataDirectory.open(options.dataDir());
        } catch (StartupException e) {
            err.println("homeward: cannot start: " + e.getMessage());
            return EXIT_CANNOT_START;
        }
        LogSetup.configure(data.logFile(), options.logLevel(), options.logRotation());
        Logger log = LoggerFactory.getLogger(Main.class);
        if (!data.tightened().isEmpty()) {
            log.warn("Made {} owner-only (rwx------): other users could read the keys, passwords and configuration in them",
                    data.tightened());
        }
        CountDownLatch finished = new CountDownLatch(1);
        try {
            return runFramework(options, data, log, out, err, finished);
        } catch (StartupException e) {
            log.debug("Start failed", e);
            err.println("homeward: cannot start: " + e.getMessage());
            return EXIT_CANNOT_START;
        } finally {
            data.release();
            LogSetup.stop();
            finished.countDown();
        }
    }

    /**
     * @param finished counted down once the main thread has logged the stop and flushed the log: on
     *                 SIGTERM the JVM halts when the shutdown hook returns, so the hook waits for it
     */
    private static int runFramework(LaunchOptions options, DataDirectory data, Logger log, PrintStream out,
            PrintStream err, CountDownLatch finished)
            throws StartupException {
        long started = System.nanoTime();
        ConsoleEndpoint console = ConsoleEndpoint.choose(options.consoleAddress(), options.consolePort(), data.root(),
                KeytoolCertificate.ofThisJava(), log);
        console.httpsProblem().ifPresent(problem -> err.println("homeward: the web console listens on "
                + console.address() + " only, never beyond loopback in plain HTTP: " + problem));
        if (options.exec().isEmpty()) {
            PortCheck.ensureFree(console.address(), console.port());
        }
        OwnArchive archive = OwnArchive.ofLauncher();
        String password = data.consolePassword();
        String systemPackages;
        try {
            systemPackages = SystemPackages.extra(archive);
        } catch (IOException e) {
            throw new StartupException("the launcher jar is incomplete: " + e.getMessage(), e);
        }
        List<URL> configuration = ConfigSources.resolve(options.configDir(), archive);
        Map<String, FileConfiguration> files = FileConfiguration.read(configuration);
        Map<String, FileConfiguration> defaults = options.configDir().isPresent()
                ? FileConfiguration.read(ConfigSources.defaults(archive)) : files;
        SecureRandom random = new SecureRandom();
        Map<String, Object> properties = FrameworkProperties.of(options, console, data, ConsolePasswordHash.of(password, random),
                systemPackages, configuration, System.console() != null);
        Framework framework = newFramework(properties);
        Thread shutdown = new Thread(() -> {
            stop(framework, log);
            awaitQuietly(finished);
        }, "homeward-shutdown");
        if (options.exec().isPresent() || options.join().isPresent()) {
            keepStrayOutputInTheLog();
        }
        try {
            framework.init();
            List<Bundle> bundles = new BundleSync(framework.getBundleContext()).sync(archive, options.feature());
            startConfiguration(framework, bundles);
            try {
                ConfigurationAdminBridge admin = ConfigurationAdminBridge.of(framework.getBundleContext());
                new ConfigPrecedence(admin, data.root(), log).apply(files, defaults);
                new ConsoleSettings(admin, random, log).apply(password);
            } catch (StartupException e) {
                stop(framework, log);
                throw e;
            }
            int failed = startEverything(framework, bundles, log);
            Runtime.getRuntime().addShutdownHook(shutdown);
            if (options.exec().isPresent()) {
                return execOnce(framework, options.exec().get(), out, log);
            }
            if (options.join().isPresent() && !joined(framework, options.join().get(), out, log)) {
                return EXIT_CANNOT_START;
            }
            boolean consoleUp = waitForConsole(console, 10_000);
            FootprintTuning.compactAfterStart();
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("Homeward {} runtime started in {} ms with {} bundles{}", options.feature(), millis, bundles.size(),
                    failed == 0 ? "" : " (" + failed + " failed to start, see above)");
            String url = console.url();
            if (consoleUp) {
                out.println("Web console: " + url + console.certificateNote() + "  user: admin  password: in "
                        + data.passwordFile());
            } else {
                log.warn("The web console at {} did not come up within 10 s; see {}", url, data.logFile());
            }
            FrameworkEvent end = framework.waitForStop(0);
            log.info("Homeward stopped ({})", end.getType() == FrameworkEvent.STOPPED ? "clean" : "type " + end.getType());
            return 0;
        } catch (BundleException e) {
            throw new StartupException("the OSGi framework failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            if (Thread.currentThread() != shutdown) {
                removeHook(shutdown);
            }
        }
    }

    /** Runs the command with the answer on {@code out} and anything else bundles print in the log. */
    private static int execOnce(Framework framework, String command, PrintStream out, Logger log) throws InterruptedException {
        int status = ShellExec.run(framework.getBundleContext(), command, out, System.err);
        stop(framework, log);
        return status;
    }

    /**
     * {@code --join}: runs {@code homeward:join} once the command is there; its answer goes to {@code out}, a failure
     * to stderr as one line, and then the runtime stops.
     */
    private static boolean joined(Framework framework, String code, PrintStream out, Logger log)
            throws InterruptedException {
        if (ShellExec.run(framework.getBundleContext(), "homeward:join " + code, out, System.err) == 0) {
            return true;
        }
        stop(framework, log);
        return false;
    }

    /**
     * From before the framework starts until the process exits, what bundles print themselves goes to the log, so
     * stdout carries a command's answer alone: EventAdmin prints its shutdown warning from its own thread, even after
     * the framework stopped, and Gogo's ThreadIO puts back on stop whatever {@code System.out} was when it started.
     */
    private static void keepStrayOutputInTheLog() {
        System.setOut(StrayOutput.into(LoggerFactory.getLogger("stdout")));
    }

    private static Framework newFramework(Map<String, Object> properties) throws StartupException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new StartupException("the launcher jar has no OSGi framework inside"));
        // Felix takes Object values (the logger instance); the OSGi signature says String.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> raw = (Map) properties;
        return factory.newFramework(raw);
    }

    /**
     * Marks every bundle for start and starts the framework up to the configuration's start level (see {@link
     * #START_LEVELS}): bundles that log while starting reach the runtime's log (the Configurator falls back to stdout
     * without a LogService), and Configuration Admin is there for the launcher to apply the configuration files before
     * any component starts, on the first start and on every later one.
     */
    private static void startConfiguration(Framework framework, List<Bundle> bundles) throws BundleException {
        for (Bundle bundle : bundles) {
            bundle.adapt(BundleStartLevel.class).setStartLevel(START_LEVELS.getOrDefault(bundle.getSymbolicName(), LAST_START_LEVEL));
            if (!isFragment(bundle)) {
                bundle.start();
            }
        }
        framework.start();
    }

    /** Starts the remaining bundles, with their configuration in place; returns how many did not become active. */
    private static int startEverything(Framework framework, List<Bundle> bundles, Logger log) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(LAST_START_LEVEL, event -> started.countDown());
        started.await();
        int failed = 0;
        for (Bundle bundle : bundles) {
            if (!isFragment(bundle) && bundle.getState() != Bundle.ACTIVE) {
                failed++;
                log.error("Bundle {} did not start (state {}); the log above says why", bundle.getSymbolicName(), bundle.getState());
            }
        }
        return failed;
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get("Fragment-Host") != null;
    }

    /** Bounded wait until the console's port accepts connections (Jetty starts asynchronously). */
    private static boolean waitForConsole(ConsoleEndpoint console, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(console.address(), console.port()), 200);
                return true;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static void stop(Framework framework, Logger log) {
        try {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                log.info("Stopping Homeward");
                framework.stop();
                framework.waitForStop(30_000);
            }
        } catch (BundleException e) {
            log.error("Stopping the framework failed: {}", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Already shutting down, or the hook was never added.
        }
    }
}
