package io.homeward.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.text.PasswordKeys;

/**
 * A rendezvous runtime (launcher jar, feature "rendezvous") on free loopback ports, enrollment server included,
 * with its Gogo shell on a terminal ({@link TerminalShell}) so a test types {@code homeward:invite},
 * {@code homeward:revoke}, {@code homeward:hosts} and {@code homeward:ca} into the running server as an operator
 * would. The users alice and bob are added through that shell.
 */
public final class EnrollingRendezvous implements AutoCloseable {
    public static final String DOMAIN = "members.example.";
    private static final Pattern CODE = Pattern.compile("HW1[A-Z2-7]{20,}");

    public final Path dir;
    public final int dnsPort = RendezvousConfigDir.freePort();
    public final int tlsPort = RendezvousConfigDir.freePort();
    public final int estPort = RendezvousConfigDir.freePort();
    public final int stunPort = RendezvousConfigDir.freePort();
    private final int consolePort = RendezvousConfigDir.freePort();
    private TerminalShell shell;

    private EnrollingRendezvous(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the configuration ({@code extra}: more {@code "pid": {...}} entries, comma-first, or ""), starts the
     * server and adds the users.
     */
    public static EnrollingRendezvous start(Path dir, String extra) throws Exception {
        EnrollingRendezvous r = new EnrollingRendezvous(dir);
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config").resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "itest-enrollment",
                  ":configurator:version": "1.0.0",
                  "io.homeward.rendezvous.transport": { "bindAddress": "127.0.0.1", "port": %d, "tlsPort": %d },
                  "io.homeward.rendezvous.dns": { "domain": "%s", "tlsPort": %d, "estPort": %d,
                                                  "nameServerAddresses": ["127.0.0.1"] },
                  "io.homeward.rendezvous.stun": { "bindAddress": "127.0.0.1", "port": %d },
                  "io.homeward.rendezvous.enroll": { "bindAddress": "127.0.0.1", "port": %d }%s
                }
                """.formatted(r.dnsPort, r.tlsPort, DOMAIN, r.tlsPort, r.estPort, r.stunPort, r.estPort, extra));
        r.launch();
        try {
            for (String user : List.of("alice", "bob")) {
                String added = r.shell.runOneLine("homeward:useradd " + user + " " + password(user), 30);
                if (!added.startsWith("added user " + user)) {
                    throw new AssertionError("homeward:useradd " + user + ": " + added);
                }
            }
            return r;
        } catch (IOException | RuntimeException | AssertionError e) {
            r.close();
            throw e;
        }
    }

    /** Starts the server again on the same data after {@link #stop()}. */
    public void launch() throws IOException, InterruptedException {
        shell = TerminalShell.start(List.of(), List.of("--feature", "rendezvous", "--data", data().toString(), "--config",
                dir.resolve("config").toString(), "--console-port", Integer.toString(consolePort)),
                dir.resolve("rendezvous.stderr"), 90);
    }

    /** Stops the server cleanly (its terminal closed) and waits, bounded, for the end. */
    public void stop() throws InterruptedException {
        shell.stop(60);
    }

    public static String password(String user) {
        return user + "-correct-horse-battery";
    }

    public static String zone(String user) {
        return user + "." + DOMAIN;
    }

    /** The user's password-derived master key (README, "The rendezvous: accounts and DNS"). */
    public static TsigKey masterKey(String user) {
        return PasswordKeys.derive(zone(user), password(user).toCharArray());
    }

    public Path data() {
        return dir.resolve("data");
    }

    /** What the server logged so far, in full. */
    public String log() throws IOException {
        return Files.readString(data().resolve("homeward.log"));
    }

    /** Waits (bounded, the log is written asynchronously) for a log line that passes the test; fails with the log's tail. */
    public String awaitLogLine(Predicate<String> wanted, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> lines;
        do {
            lines = log().lines().toList();
            for (String line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no such log line within " + seconds + " s; the log ends with:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }

    /** SHA-256 of the TLS certificate it made on first start: the pin agents hold. */
    public String pin() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(data().resolve("tls").resolve("server.crt"))) {
            return Fingerprints.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    public EstClient est() throws IOException, GeneralSecurityException {
        return new EstClient("127.0.0.1:" + estPort, pin());
    }

    /** Types a command into the running server; its answer. */
    public List<String> run(String command) throws IOException, InterruptedException {
        return shell.run(command, 30);
    }

    /** {@code homeward:invite} for the user's host ("" for the joining machine's own name); the code it printed. */
    public String invite(String user, String host, String valid) throws IOException, InterruptedException {
        String command = "homeward:invite --user " + user + " --valid " + valid + (host.isEmpty() ? "" : " " + host);
        List<String> answer = run(command);
        Set<String> codes = new LinkedHashSet<>();
        for (String line : answer) {
            Matcher m = CODE.matcher(line);
            while (m.find()) {
                codes.add(m.group());
            }
        }
        if (codes.size() != 1) {
            throw new AssertionError(command + " printed " + codes.size() + " codes: " + answer);
        }
        return codes.iterator().next();
    }

    @Override
    public void close() throws InterruptedException {
        if (shell != null && shell.isAlive()) {
            try {
                shell.stop(60);
            } finally {
                shell.close();
            }
        }
    }
}
