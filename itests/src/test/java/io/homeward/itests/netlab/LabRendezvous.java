package io.homeward.itests.netlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.homeward.itests.TerminalShell;
import io.homeward.kit.text.PasswordKeys;


/**
 * The rendezvous runtime (launcher jar, feature "rendezvous") on the lab's Internet side, hw-rdv 11.0.0.10:
 * DNS on 8053, DNS over TLS on 8853, STUN on 3478, enrollment (EST over HTTPS) on 8443; users created with
 * {@code --exec homeward:useradd} as an operator's script would. The TLS pin agents use is read from the certificate it made on first start.
 */
final class LabRendezvous implements AutoCloseable {
    static final String ADDRESS = "11.0.0.10";
    static final String DNS = ADDRESS + ":8053";
    static final String STUN = ADDRESS + ":3478";
    /** The enrollment server (EST over HTTPS, docs/enrollment.md). */
    static final int EST_PORT = 8443;
    static final String DOMAIN = "members.example.";
    /** An agent's configuration entry for {@link LabHost#configure}: its name server forwards to this rendezvous. */
    static final String RESOLVER_ENTRY = "\"io.homeward.resolver\": { \"rendezvousServer\": \"" + DNS + "\" }";

    private final Path data;
    private final Path config;
    private NamespacedAgent process;
    private TerminalShell terminal;
    private String pin;

    private LabRendezvous(Path dir) {
        this.data = dir.resolve("data");
        this.config = dir.resolve("config");
    }

    /** Writes its configuration, adds the user, starts it and waits for its console (which comes after DNS). */
    static LabRendezvous start(Path dir, String user, String password, long leaseMinSeconds) throws Exception {
        LabRendezvous r = prepare(dir, user, password, leaseMinSeconds);
        r.process = NamespacedAgent.serve("rendezvous", "hw-rdv", r.data, r.config, 8080);
        r.process.awaitLine("Web console:", 90);
        return r;
    }

    /**
     * Like {@link #start} with the Gogo shell on a terminal ({@link TerminalShell}), so the test types commands into
     * the running server with {@link #run} as its operator would ({@code homeward:invite}, {@code homeward:revoke}).
     */
    static LabRendezvous startOnTerminal(Path dir, String user, String password, long leaseMinSeconds) throws Exception {
        LabRendezvous r = prepare(dir, user, password, leaseMinSeconds);
        r.terminal = r.openTerminal();
        return r;
    }

    /** Types the command into the running server (started by {@link #startOnTerminal}); what it printed. */
    List<String> run(String command) throws IOException, InterruptedException {
        return terminal.run(command, 30);
    }

    /** What the server logged so far, in full. */
    String log() throws IOException {
        return Files.readString(data.resolve("homeward.log"));
    }

    private TerminalShell openTerminal() throws IOException, InterruptedException {
        return TerminalShell.start(List.of("ip", "netns", "exec", "hw-rdv"), List.of("--feature", "rendezvous", "--data",
                data.toString(), "--config", config.toString(), "--console-port", "8080"),
                data.resolveSibling("rendezvous.stderr"), 90);
    }

    private static LabRendezvous prepare(Path dir, String user, String password, long leaseMinSeconds) throws Exception {
        LabRendezvous r = new LabRendezvous(dir);
        Files.createDirectories(r.config);
        Files.writeString(r.config.resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "io.homeward.netlab.rendezvous",
                  ":configurator:version": "1.0.0",
                  "io.homeward.rendezvous.transport": { "bindAddress": "0.0.0.0", "port": 8053, "tlsPort": 8853 },
                  "io.homeward.rendezvous.dns": { "domain": "%s", "nameServerAddresses": ["%s"], "tlsPort": 8853,
                                                  "leaseMinSeconds": %d },
                  "io.homeward.rendezvous.accounts": { "domain": "%s" },
                  "io.homeward.rendezvous.stun": { "bindAddress": "0.0.0.0", "port": 3478 },
                  "io.homeward.rendezvous.enroll": { "bindAddress": "0.0.0.0", "port": %d, "advertisedAddresses": ["%s"] }
                }
                """.formatted(DOMAIN, ADDRESS, leaseMinSeconds, DOMAIN, EST_PORT, ADDRESS));
        try (NamespacedAgent add = NamespacedAgent.start("rendezvous", "hw-rdv", r.data, r.config,
                "homeward:useradd " + user + " " + password)) {
            if (add.awaitExit(90) != 0) {
                throw new AssertionError("homeward:useradd failed: " + add.output());
            }
        }
        r.pin = fingerprint(r.data.resolve("tls").resolve("server.crt"));
        return r;
    }

    /** SIGTERM (or its terminal closed) and start again on the same data, as after an upgrade or a reboot of the rendezvous host. */
    void restart() throws Exception {
        if (terminal != null) {
            terminal.stop(60);
            terminal = openTerminal();
            return;
        }
        process.stop(30);
        process = NamespacedAgent.serve("rendezvous", "hw-rdv", data, config, 8080);
        process.awaitLine("Web console:", 90);
    }

    /** SHA-256 of the TLS certificate, the value agents pin. */
    String pin() {
        return pin;
    }

    static String zone(String user) {
        return user + "." + DOMAIN;
    }

    /**
     * The SRV records by which agents find the update, LLQ and Push servers over TLS and the enrollment server; in every
     * user zone.
     */
    static List<String> serviceRecords(String user) {
        return List.of("_dns-llq-tls._tcp." + zone(user) + " srv 0 0 8853 ns." + DOMAIN,
                "_est._tcp." + zone(user) + " srv 0 0 " + EST_PORT + " ns." + DOMAIN,
                "_dns-push-tls._tcp." + zone(user) + " srv 0 0 8853 ns." + DOMAIN,
                "_dns-update-tls._tcp." + zone(user) + " srv 0 0 8853 ns." + DOMAIN);
    }

    /**
     * The user's zone as {@code dig} lists it in a TSIG-signed AXFR, run on the Internet side: one
     * "name type data" line per record, lower-cased, without SOA and NS.
     */
    static List<String> zoneRecords(String user, String password) throws IOException, InterruptedException {
        String key = "hmac-sha256:" + zone(user) + ":"
                + Base64.getEncoder().encodeToString(PasswordKeys.derive(zone(user), password.toCharArray()).secret());
        NetLab.Result r = NetLab.in("hw-inet", "dig", "@" + ADDRESS, "-p", "8053", "+noall", "+answer", "+nottlid",
                "-y", key, zone(user), "AXFR");
        if (r.exit() != 0) {
            throw new AssertionError("dig AXFR failed: " + r.out());
        }
        List<String> records = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            String[] f = line.trim().split("\\s+", 4);
            if (f.length == 4 && f[1].equals("IN") && !f[2].equals("SOA") && !f[2].equals("NS")) {
                records.add((f[0] + " " + f[2] + " " + f[3]).toLowerCase(Locale.ROOT));
            }
        }
        return records;
    }

    private static String fingerprint(Path certificate) throws IOException, NoSuchAlgorithmException {
        String pem = Files.readString(certificate, StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    @Override
    public void close() throws InterruptedException {
        if (terminal != null) {
            try {
                terminal.stop(60);
            } finally {
                terminal.close();
            }
        }
        if (process != null) {
            process.stop(30);
        }
    }
}
