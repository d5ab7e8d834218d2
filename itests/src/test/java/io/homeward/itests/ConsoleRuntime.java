package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An all-in-one runtime started from the launcher jar, as a person starts it, with its own data directory and every
 * listening port free (console, rendezvous DNS, DNS over TLS, STUN, enrollment, tunnel), so it runs beside any other
 * runtime on this machine; its tunnel makes no interface (the test shares the host's network namespace).
 */
final class ConsoleRuntime implements AutoCloseable {
    private final String name;
    private final Path dir;
    private final String password;
    private LauncherProcess launcher;

    private ConsoleRuntime(String name, Path dir, LauncherProcess launcher) throws IOException {
        this.name = name;
        this.dir = dir;
        this.launcher = launcher;
        this.password = Files.readString(dir.resolve("data/console-password")).strip();
    }

    /** Starts the runtime named {@code name} (the key of its free ports) in {@code dir} and waits for its console. */
    static ConsoleRuntime start(String name, Path dir) throws Exception {
        return start(name, dir, Map.of());
    }

    /**
     * Like {@link #start(String, Path)} with more settings in the configuration file, by PID (one the packed file
     * configures): {@code "key": value} pairs, each followed by a comma, for example the rendezvous' UPDATE rate
     * limits.
     */
    static ConsoleRuntime start(String name, Path dir, Map<String, String> settings) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path defaults = Path.of(System.getProperty("homeward.features"), "..", "config", "homeward.json").normalize();
        String dns = Integer.toString(port(name, "dns"));
        String json = Files.readString(defaults)
                .replace("8053", dns)
                .replace("8853", Integer.toString(port(name, "tls")))
                .replace("3478", Integer.toString(port(name, "stun")))
                .replace("8443", Integer.toString(port(name, "enroll")))
                .replace("\"io.homeward.rendezvous.dns\": {", "\"io.homeward.rendezvous.dns\": { \"estPort\": "
                        + port(name, "enroll") + ",")
                .replace("\"io.homeward.tunnelport\": {", "\"io.homeward.tunnelport\": { \"port\": " + port(name, "tunnel") + ",")
                .replaceFirst("\\{", "{\n  \"io.homeward.tunnel\": { \"interfaceName\": \"\" },\n"
                        + "  \"io.homeward.signin\": { \"dnsServer\": \"127.0.0.1:" + dns + "\" },");
        for (Map.Entry<String, String> pid : settings.entrySet()) {
            String opening = "\"" + pid.getKey() + "\": {";
            assertTrue(json.contains(opening), pid.getKey() + " is in the packed configuration file");
            json = json.replace(opening, opening + " " + pid.getValue());
        }
        Files.writeString(config.resolve("homeward.json"), json);
        LauncherProcess launcher = LauncherProcess.start("--data", dir.resolve("data").toString(), "--console-port",
                Integer.toString(port(name, "console")), "--no-shell", "--config", config.toString());
        try {
            launcher.awaitLine("Web console:", 90);
            ConsoleRuntime runtime = new ConsoleRuntime(name, dir, launcher);
            assertEquals(200, Http.get(runtime.console() + "/homeward-network", "admin", runtime.password()).status(),
                    "the Network page is up");
            return runtime;
        } catch (Exception | AssertionError e) {
            launcher.kill();
            throw e;
        }
    }

    private static int port(String name, String service) {
        return ShippedRuntime.consolePort(name + "-" + service);
    }

    /** {@code http://127.0.0.1:port}, the console's origin. */
    String origin() {
        return "http://127.0.0.1:" + port(name, "console");
    }

    /** The console's root URL. */
    String console() {
        return origin() + "/system/console";
    }

    /** The rendezvous' DNS listener (UDP and TCP), where agents send their UPDATEs. */
    InetSocketAddress dnsServer() {
        return new InetSocketAddress("127.0.0.1", port(name, "dns"));
    }

    /**
     * The password of the account the all-in-one made for the machine's user on its first start
     * ({@code DATA/account-password}, README "Signing in, publishing, finding the other hosts").
     */
    String accountPassword() throws IOException {
        return Files.readString(dir.resolve("data/account-password")).strip();
    }

    /** The generated password of the console's user admin. */
    String password() {
        return password;
    }

    /** The configuration directory given with {@code --config}. */
    Path configDir() {
        return dir.resolve("config");
    }

    /** A console page's body, read as admin (path below {@code /system/console}). */
    String get(String path) throws IOException, InterruptedException {
        return Http.get(console() + path, "admin", password).body();
    }

    /** As {@link #get}, for waits and lambdas: a failed read is an unchecked exception. */
    String read(String path) {
        try {
            return get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form POST as the console's own page sends it (see {@link Http#post}); returns the status. */
    int post(String path, String form) throws IOException, InterruptedException {
        return Http.post(console() + path, "admin", password, form);
    }

    /**
     * Creates the user {@code alice} on this all-in-one's rendezvous and signs its agent in as her through the console's
     * own forms, as a person would; returns once the Settings page says so.
     */
    void signInAsAlice(String password) throws IOException, InterruptedException {
        assertEquals(303, post("/" + HomewardConsolePages.USERS, "action=add&user=alice&password=" + password));
        assertEquals(303, post("/homeward-settings",
                "action=signin&zone=alice.members.example.&user=alice&server=&pin=&password=" + password));
        String signIn = get("/homeward-settings.json");
        assertTrue(signIn.contains("\"signedIn\":{\"user\":\"alice\""), signIn);
    }

    /** Stops the runtime as a service manager does and waits (bounded) for it to exit. */
    @Override
    public void close() throws InterruptedException {
        if (launcher != null) {
            launcher.terminate();
            launcher.outputUntilExit(30);
            launcher = null;
        }
    }
}
