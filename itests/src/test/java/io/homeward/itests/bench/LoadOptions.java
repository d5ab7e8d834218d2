package io.homeward.itests.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The load client's command line: {@code --name value} pairs.
 *
 * @param mechanism     push or llq
 * @param host          server address (loopback)
 * @param port          UDP/TCP DNS port: updates and LLQ
 * @param tlsPort       DNS-over-TLS port: DNS Push
 * @param pid           the server's process ID, for its memory
 * @param user          the account whose zone is watched
 * @param password      its password, from which the TSIG key is derived
 * @param domain        the domain the user zones sit under
 * @param subscriptions names watched at once
 * @param carriers      TLS connections (push) or UDP sockets (llq) they are spread over
 * @param rate          updates per second
 * @param seconds       how long updates are sent
 * @param setupTimeout  how long opening all subscriptions may take
 * @param drainTimeout  how long to wait for the last events after the last update
 */
record LoadOptions(String mechanism, String host, int port, int tlsPort, long pid, String user, String password,
        String domain, int subscriptions, int carriers, int rate, int seconds, Duration setupTimeout,
        Duration drainTimeout) {
    private static final Set<String> NAMES = Set.of("mechanism", "host", "port", "tls-port", "pid", "user",
            "password", "domain", "subscriptions", "carriers", "rate", "seconds", "setup-timeout", "drain-timeout");

    static final String USAGE = "usage: WatchLoad --mechanism push|llq --port P --tls-port T --pid PID --password PW"
            + " [--host 127.0.0.1] [--user alice] [--domain members.example.] [--subscriptions 10000]"
            + " [--carriers 4 for push, 8 for llq] [--rate 50] [--seconds 20] [--setup-timeout 900]"
            + " [--drain-timeout 10]";

    static LoadOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value at '" + args[i] + "'\n" + USAGE);
            }
            values.put(name, args[i + 1]);
        }
        String mechanism = values.getOrDefault("mechanism", "");
        if (!mechanism.equals("push") && !mechanism.equals("llq")) {
            throw new IllegalArgumentException("--mechanism must be push or llq\n" + USAGE);
        }
        for (String required : new String[] {"port", "tls-port", "pid", "password"}) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required\n" + USAGE);
            }
        }
        int subscriptions = positive(values, "subscriptions", "10000");
        return new LoadOptions(mechanism, values.getOrDefault("host", "127.0.0.1"), positive(values, "port", null),
                positive(values, "tls-port", null), positive(values, "pid", null), values.getOrDefault("user", "alice"),
                values.get("password"), values.getOrDefault("domain", "members.example."), subscriptions,
                positive(values, "carriers", mechanism.equals("push") ? "4" : "8"),
                positive(values, "rate", "50"), positive(values, "seconds", "20"),
                Duration.ofSeconds(positive(values, "setup-timeout", "900")),
                Duration.ofSeconds(positive(values, "drain-timeout", "10")));
    }

    private static int positive(Map<String, String> values, String name, String fallback) {
        String text = values.getOrDefault(name, fallback);
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a positive whole number, not '" + text + "'", e);
        }
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be a positive whole number, not " + value);
        }
        return value;
    }
}
