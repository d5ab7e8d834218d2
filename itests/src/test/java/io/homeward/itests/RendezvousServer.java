package io.homeward.itests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.text.PasswordKeys;

/**
 * A real rendezvous runtime (the launcher jar, feature "rendezvous") on free loopback ports, with
 * the users alice and bob created through one launcher --exec, as a script would.
 */
final class RendezvousServer implements AutoCloseable {
    static final String DOMAIN = "members.example.";
    static final List<String> USERS = List.of("alice", "bob");

    final Path dir;
    final int dnsPort;
    final int tlsPort;
    private final int consolePort;
    private LauncherProcess process;

    private RendezvousServer(Path dir, int dnsPort, int tlsPort, int consolePort) {
        this.dir = dir;
        this.dnsPort = dnsPort;
        this.tlsPort = tlsPort;
        this.consolePort = consolePort;
    }

    /** Writes the configuration, creates the users, starts the server and waits until it answers. */
    static RendezvousServer start(Path dir, long leaseMinSeconds) throws Exception {
        RendezvousServer server = new RendezvousServer(dir, ShippedRuntime.consolePort("dns-" + dir.hashCode()),
                ShippedRuntime.consolePort("tls-" + dir.hashCode()), ShippedRuntime.consolePort("console-" + dir.hashCode()));
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "itest-rendezvous",
                  ":configurator:version": "1.0.0",
                  "io.homeward.rendezvous.transport": { "port": %d, "tlsPort": %d },
                  "io.homeward.rendezvous.dns": { "tlsPort": %d, "leaseMinSeconds": %d }
                }
                """.formatted(server.dnsPort, server.tlsPort, server.tlsPort, leaseMinSeconds));
        // One start of the runtime for all the users: Gogo runs the commands one after the other, and a failing one
        // fails the --exec.
        String useradds = USERS.stream().map(user -> "homeward:useradd " + user + " " + password(user))
                .collect(Collectors.joining("; "));
        try (LauncherProcess add = LauncherProcess.start(server.args("--exec", useradds))) {
            List<String> output = add.outputUntilExit(60);
            if (add.exitValue() != 0) {
                throw new AssertionError("could not add " + USERS + ": " + output);
            }
        }
        server.launch();
        return server;
    }

    static String password(String user) {
        return user + "-correct-horse";
    }

    static String zone(String user) {
        return user + "." + DOMAIN;
    }

    static TsigKey key(String user) {
        return PasswordKeys.derive(zone(user), password(user).toCharArray());
    }

    /** {@code hmac-sha256:alice.members.example.:base64} as dig -y and nsupdate -y take it. */
    static String toolKey(String algorithm, String user) {
        return algorithm + ":" + zone(user) + ":" + Base64.getEncoder().encodeToString(key(user).secret());
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", dnsPort);
    }

    /** SIGKILL: no shutdown hook, no flush — what a power cut looks like to the journal. */
    void kill9() throws InterruptedException {
        process.kill();
    }

    void restart() throws Exception {
        process.close();
        launch();
    }

    private void launch() throws Exception {
        process = LauncherProcess.start(args("--no-shell", "--console-port", Integer.toString(consolePort)));
        process.awaitLine("Web console:", 60);
        awaitAnswering();
    }

    private String[] args(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--feature", "rendezvous", "--data", dir.resolve("data").toString(),
                "--config", dir.resolve("config").toString()));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    private void awaitAnswering() throws Exception {
        SimpleResolver resolver = resolver();
        Message query = Message.newQuery(Record.newRecord(Name.fromString(zone("alice")), Type.SOA, DClass.IN));
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (resolver.send(query).getRcode() == Rcode.NOERROR) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the rendezvous did not answer for alice's zone within 30 s");
    }

    SimpleResolver resolver() {
        SimpleResolver resolver = new SimpleResolver(address());
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver;
    }

    @Override
    public void close() {
        if (process != null) {
            process.terminate();
            try {
                process.outputUntilExit(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                process.close();
            }
        }
    }
}
