package io.homeward.itests.netlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.homeward.itests.TerminalShell;

/**
 * One of the user's machines: the agent runtime in a lab namespace, signed in to the lab's rendezvous
 * unattended (a password file), publishing with a short lease so the lab can watch a lease run out.
 * Read through its console's JSON: what it published and which peers it lists.
 */
final class LabHost implements AutoCloseable {
    /** The launcher keeps homeward.log and four rolled files, homeward.1.log the newest (README, "Launcher options"). */
    private static final int MAX_ROLLED_LOGS = 4;
    private static final Pattern PUBLISHED = Pattern.compile(
            "\"published\":\\{\"host\":\"([^\"]*)\",\"zone\":\"[^\"]*\",\"ula\":\"([^\"]*)\",\"eui64\":\"([^\"]*)\","
                    + "\"endpoint\":\"([^\"]*)\"");
    private static final Pattern LAST_ATTEMPT = Pattern.compile("\"lastAttempt\":\"([^\"]*)\"");

    /** What the host published, as its registration page says. */
    record Published(String host, String ula, String eui64, String endpoint, Instant at) {
    }

    /** One row of the host's peer directory. */
    record Listed(String host, String ula, String endpoint, Instant changed, String source) {
    }

    final String name;
    final String namespace;
    private final Path dir;
    private final Path config;
    private NamespacedAgent process;
    private TerminalShell terminal;
    private LabConsole console;
    private List<String> firstStartOptions = List.of();
    private List<String> options = List.of();

    private LabHost(String name, String namespace, Path dir, Path config) {
        this.name = name;
        this.namespace = namespace;
        this.dir = dir;
        this.config = config;
    }

    /** Writes the host's configuration and password file; {@link #start()} runs it. */
    static LabHost configure(String name, String namespace, Path dir, String user, String password, String pin,
            int leaseSeconds) throws IOException {
        return configure(name, namespace, dir, user, password, pin, leaseSeconds, "");
    }

    /** With more configuration entries ({@code "pid": {...}} pairs, comma-separated) after the lab's. */
    static LabHost configure(String name, String namespace, Path dir, String user, String password, String pin,
            int leaseSeconds, String moreEntries) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Path secret = Files.createFile(dir.resolve("password"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secret, password + "\n");
        Files.writeString(dir.resolve("config").resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "io.homeward.netlab.%1$s",
                  ":configurator:version": "1.0.0",
                  "io.homeward.identity": { "hostName": "%1$s" },
                  "io.homeward.signin": { "zone": "%2$s", "user": "%3$s", "passwordFile": "%4$s",
                                          "dnsServer": "%5$s", "tlsFingerprint": "%6$s" },
                  "io.homeward.registrar": { "dnsServer": "%5$s", "tlsFingerprint": "%6$s", "leaseSeconds": %7$d },
                  "io.homeward.watcher": { "server": "%5$s", "tlsFingerprint": "%6$s" },
                  "io.homeward.tunnelport": { "stunServer": "%8$s" }%9$s
                }
                """.formatted(name, LabRendezvous.zone(user), user, secret, LabRendezvous.DNS, pin, leaseSeconds,
                LabRendezvous.STUN, moreEntries.isBlank() ? "" : ",\n  " + moreEntries));
        return new LabHost(name, namespace, dir, dir.resolve("config"));
    }

    /**
     * A machine that joins with an invite code and nothing else: no configuration file (the shipped defaults), only
     * {@code --join CODE} on its first start (docs/enrollment.md, "Invite codes"); later starts use what it stored.
     */
    static LabHost joining(String name, String namespace, Path dir, String code) throws IOException {
        Files.createDirectories(dir);
        LabHost host = new LabHost(name, namespace, dir, null);
        host.firstStartOptions = List.of("--join", code);
        return host;
    }

    /** A configuration entry for {@link #configure}: an SA pair keyed by hand with the named peer (a host name). */
    static String manualSa(String peer, int inboundSpi, int outboundSpi, String suite, byte[] inboundKey,
            byte[] outboundKey) {
        return """
                "io.homeward.tunnel.manualsa~%s": { "peer": "%s", "inboundSpi": "0x%08x", "outboundSpi": "0x%08x",
                    "suite": "%s", "inboundKey": "%s", "outboundKey": "%s" }""".formatted(peer, peer, inboundSpi,
                outboundSpi, suite, java.util.HexFormat.of().formatHex(inboundKey),
                java.util.HexFormat.of().formatHex(outboundKey));
    }

    /**
     * Like {@link #start()} with the Gogo shell on a terminal ({@link TerminalShell}), so the test types commands into
     * the running agent with {@link #run} as its operator would ({@code homeward:ike rekey HOST}).
     */
    LabHost startOnTerminal() throws Exception {
        Path data = dir.resolve("data");
        List<String> args = new ArrayList<>(List.of("--feature", "agent", "--data", data.toString(), "--console-port",
                "8080"));
        args.addAll(List.of("--config", config.toString()));
        args.addAll(options);
        terminal = TerminalShell.start(List.of("ip", "netns", "exec", namespace), args, dir.resolve("data.stderr"), 90);
        if (console == null) {
            console = new LabConsole(namespace, 8080, data, dir);
        }
        return this;
    }

    /** Types the command into the agent started by {@link #startOnTerminal}; what it printed. */
    List<String> run(String command) throws IOException, InterruptedException {
        return terminal.run(command, 30);
    }

    /**
     * Asks this host's IKE, on the terminal, to key the peer now ({@code homeward:ike initiate}, what the autotunnel
     * does on a first packet), again every 0.2 s while IKE does not list the peer yet (just started, its peer
     * directory's news still on the way); the answer. Bounded.
     */
    String initiateIke(String peer, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String answer;
        do {
            answer = String.join("\n", run("homeward:ike initiate " + peer));
            if (answer.startsWith("Initiating") || answer.startsWith("Joined") || answer.contains("already")) {
                return answer;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(name + "'s IKE did not take homeward:ike initiate " + peer + " within " + seconds
                + " s: " + answer + "\n" + ike());
    }

    /** More launcher options for every start, for example {@code --log-level trace}. */
    LabHost launchedWith(String... more) {
        options = List.of(more);
        return this;
    }

    /**
     * Runs the starts ({@code host::start}, {@code host::startOnTerminal}) each on its own thread, so the wait is for
     * the slowest start rather than all in turn.
     */
    static void startTogether(Callable<?>... starts) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(starts.length);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (Callable<?> start : starts) {
                started.add(starting.submit(start));
            }
            for (Future<?> host : started) {
                try {
                    host.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            starting.shutdownNow();
        }
    }

    /** Starts the runtime (again, after a stop or kill, with the same data) and waits for its console. */
    LabHost start() throws Exception {
        Path data = dir.resolve("data");
        List<String> all = new ArrayList<>(firstStartOptions);
        all.addAll(options);
        process = NamespacedAgent.serve("agent", namespace, data, config, 8080, all);
        firstStartOptions = List.of();
        process.awaitLine("Web console:", 90);
        if (console == null) {
            console = new LabConsole(namespace, 8080, data, dir);
        }
        return this;
    }

    /** Polls (every 0.1 s, bounded) until the host has published; fails with its registration page. */
    Published awaitPublished(long seconds) throws IOException, InterruptedException {
        return awaitPublished(seconds, published -> true, "nothing");
    }

    /**
     * Waits (at most {@code seconds}) until the host's records name {@code endpoint}: a host may publish its own
     * address first and what the STUN server saw of it once that answers.
     */
    Published awaitPublishedAt(String endpoint, long seconds) throws IOException, InterruptedException {
        return awaitPublished(seconds, published -> published.endpoint().equals(endpoint), "at " + endpoint);
    }

    private Published awaitPublished(long seconds, Predicate<Published> wanted, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String json;
        do {
            json = console.get("/homeward-network/registration.json");
            Matcher m = PUBLISHED.matcher(json);
            Matcher at = LAST_ATTEMPT.matcher(json);
            if (m.find() && at.find()) {
                Published published = new Published(m.group(1), m.group(2), m.group(3), m.group(4),
                        Instant.parse(at.group(1)));
                if (wanted.test(published)) {
                    return published;
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(name + " published " + what + " within " + seconds + " s: " + json);
    }

    /** The peer's row in this host's directory, if listed. */
    Optional<Listed> peer(String host) throws IOException, InterruptedException {
        String json = console.get("/homeward-network/peers.json");
        Matcher m = Pattern.compile("\\{\"host\":\"" + Pattern.quote(host) + "\",\"ula\":\"([^\"]*)\",\"endpoint\":"
                + "(null|\"([^\"]*)\"),\"changed\":\"([^\"]*)\",\"source\":\"([^\"]*)\"\\}").matcher(json);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Listed(host, m.group(1), m.group(3), Instant.parse(m.group(4)), m.group(5)));
    }

    /** Polls (every 0.05 s, bounded) until the peer is listed with the endpoint; fails with the directory. */
    Listed awaitPeerAt(String host, String endpoint, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Optional<Listed> last;
        do {
            last = peer(host);
            if (last.isPresent() && endpoint.equals(last.get().endpoint())) {
                return last.get();
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(name + " did not list " + host + " at " + endpoint + " within " + seconds + " s; last "
                + last + "; directory: " + console.get("/homeward-network/peers.json"));
    }

    /** Polls (bounded) until the peer is no longer listed. */
    void awaitPeerGone(String host, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            if (peer(host).isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(name + " still lists " + host + " after " + seconds + " s: "
                + console.get("/homeward-network/peers.json"));
    }

    /** The runtime's process id ({@code ip netns exec} replaces itself with the JVM). */
    long pid() {
        return process.pid();
    }

    /** The host's configuration directory ({@code --config}); null for a host that joined with an invite code. */
    Path config() {
        return config;
    }

    /** The host's data directory, where the agent keeps its certificate, key and host key. */
    Path data() {
        return dir.resolve("data");
    }

    /** What the host logged so far, oldest first, rolled files included (a trace-level run rolls within seconds). */
    String log() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int rolled = MAX_ROLLED_LOGS; rolled >= 1; rolled--) {
            Path older = data().resolve("homeward." + rolled + ".log");
            if (Files.exists(older)) {
                all.append(Files.readString(older));
            }
        }
        return all.append(Files.readString(data().resolve("homeward.log"))).toString();
    }

    LabConsole console() {
        return console;
    }

    /** The {@code homeward:tunnels} text as the console's Network page shows it. */
    String tunnels() throws IOException, InterruptedException {
        return textPage("/homeward-network/tunnels");
    }

    /** The {@code homeward:ike} text as the console's Network page shows it. */
    String ike() throws IOException, InterruptedException {
        return textPage("/homeward-network/ike");
    }

    /** The {@code homeward:names} text as the console's Network page shows it. */
    String names() throws IOException, InterruptedException {
        return textPage("/homeward-network/names");
    }

    private String textPage(String path) throws IOException, InterruptedException {
        return console.get(path).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** Polls {@code homeward:ike} until it shows the text; see {@link #await}. */
    String awaitIke(String text, long seconds) throws IOException, InterruptedException {
        return await(this::ike, text, name + "'s IKE", seconds);
    }

    /** Polls {@code homeward:tunnels} until it shows the text; see {@link #await}. */
    String awaitTunnels(String text, long seconds) throws IOException, InterruptedException {
        return await(this::tunnels, text, name + "'s tunnels", seconds);
    }

    /** Polls {@code homeward:names} until it shows the text; see {@link #await}. */
    String awaitNames(String text, long seconds) throws IOException, InterruptedException {
        return await(this::names, text, name + "'s names", seconds);
    }

    /** A page or file a test reads again and again. */
    interface Readout {
        String read() throws IOException, InterruptedException;
    }

    /** Reads (every 0.2 s, bounded) until the text shows; the last reading, or a failure naming what it showed. */
    static String await(Readout readout, String text, String what, long seconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String now;
        do {
            now = readout.read();
            if (now.contains(text)) {
                return now;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no '" + text + "' in " + what + " within " + seconds + " s: " + now);
    }

    String netcheck() throws IOException, InterruptedException {
        return console.netcheck().json();
    }

    /** SIGTERM, as a service manager stops it: the registrar withdraws the records before the runtime exits. */
    int stop() throws InterruptedException {
        return process.stop(60);
    }

    /** SIGKILL, as a crash or a power cut stops it: nothing withdrawn or deleted; a start runs it again on its data. */
    void kill() throws InterruptedException {
        if (terminal != null) {
            terminal.kill(30);
        } else {
            process.kill(30);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        if (terminal != null) {
            terminal.close();
        }
    }
}
