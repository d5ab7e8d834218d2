package io.homeward.itests.netlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console of an agent that runs in a lab namespace, reached with curl inside that namespace
 * (the console listens on the namespace's loopback). Signs in as admin with the password the runtime
 * keeps in DATA/console-password, handed to curl in a private config file rather than on its command line. Like a
 * browser it keeps the console's cookies (the console guard's token among them) and sends changes with the console's
 * Origin.
 */
final class LabConsole {
    private static final Pattern BUNDLE_ID = Pattern.compile("\\{\"id\":(\\d+),[^}]*\"symbolicName\":\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"stateRaw\":(\\d+)");
    /** org.osgi.framework.Bundle.ACTIVE and RESOLVED, the states a start and a stop end in. */
    static final int ACTIVE = 32;
    static final int RESOLVED = 4;

    private final String namespace;
    private final String origin;
    private final String base;
    private final Path curlConfig;

    /** {@code work} is a private directory of the test for curl's config file. */
    LabConsole(String namespace, int port, Path data, Path work) throws IOException {
        this(namespace, "http://127.0.0.1:" + port, data, work);
    }

    /**
     * The console at {@code origin}; over https curl takes any certificate, so a test that cares checks the
     * certificate's fingerprint itself.
     */
    LabConsole(String namespace, String origin, Path data, Path work) throws IOException {
        this.namespace = namespace;
        this.origin = origin;
        this.base = origin + "/system/console";
        String password = Files.readString(data.resolve("console-password"), StandardCharsets.UTF_8).strip();
        this.curlConfig = Files.createFile(work.resolve("console.curlrc"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String cookies = curlString(work.resolve("console.cookies").toString());
        Files.writeString(curlConfig, "user = " + curlString("admin:" + password) + "\ncookie = " + cookies + "\ncookie-jar = "
                + cookies + "\n" + (origin.startsWith("https:") ? "insecure\n" : ""), StandardCharsets.UTF_8);
    }

    /** curl's config syntax: a double-quoted value with backslash escapes. */
    private static String curlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A console page or document, for example {@code /homeward-network/peers.json}. */
    String get(String path) throws IOException, InterruptedException {
        return request(path);
    }

    NetcheckDocument netcheck() throws IOException, InterruptedException {
        return new NetcheckDocument(request("/homeward-network/netcheck.json"));
    }

    /**
     * Polls the netcheck document (bounded: every 0.25 s for at most {@code seconds}) until the mapper named
     * holds the tunnel port's mapping; fails with the last document seen.
     */
    NetcheckDocument awaitMappingBy(String mapper, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        NetcheckDocument last;
        do {
            last = netcheck();
            if (mapper.equals(last.mapper())) {
                return last;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("within " + seconds + " s the mapping was not held by " + mapper + "; netcheck says "
                + last.json());
    }

    /** Starts or stops the bundle as an operator does on the Bundles page; fails unless it ends in the expected state. */
    void bundle(String symbolicName, String action, int expectedState) throws IOException, InterruptedException {
        String answer = request("/bundles/" + bundleId(symbolicName), "--data", "action=" + action, "-H", "Origin: " + origin);
        Matcher state = STATE.matcher(answer);
        if (!state.find() || Integer.parseInt(state.group(1)) != expectedState) {
            throw new AssertionError(action + " of " + symbolicName + " answered " + answer + ", expected stateRaw "
                    + expectedState);
        }
    }

    /** The bundle's id from the console's bundle list. */
    long bundleId(String symbolicName) throws IOException, InterruptedException {
        String list = request("/bundles.json");
        Matcher m = BUNDLE_ID.matcher(list);
        while (m.find()) {
            if (m.group(2).equals(symbolicName)) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("the console lists no bundle " + symbolicName + ": " + list);
    }

    private String request(String path, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail", "--max-time", "10", "-K",
                curlConfig.toString()));
        command.addAll(List.of(extra));
        command.add(base + path);
        NetLab.Result r = NetLab.in(namespace, command.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new AssertionError("console request " + path + " failed (curl exit " + r.exit() + "): " + r.out());
        }
        return r.out();
    }
}
