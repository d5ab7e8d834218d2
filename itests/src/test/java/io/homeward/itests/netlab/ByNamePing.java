package io.homeward.itests.netlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ping -6 -n OPTIONS NAME} printed in a lab namespace, run with the agent's name server as the system
 * resolver (itests/netlab/by-name.sh), and when its first answer line arrived: {@code startedAt} and
 * {@code firstAnsweredAt} are {@link System#nanoTime()} readings (the command issued, the first answer read), so their
 * difference includes the name lookup; {@code firstMillis} is the round trip ping itself reported for that answer.
 */
record ByNamePing(String out, int firstSeq, double firstMillis, long startedAt, long firstAnsweredAt) {
    private static final Path BY_NAME = NetLab.file("by-name.sh");
    private static final Pattern ECHO = Pattern.compile("icmp_seq=(\\d+) .*time=([0-9.]+) ms");

    /** Runs ping (bounded to 30 s) and reads its lines as they come. */
    static ByNamePing run(String namespace, String nameServer, String name, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "bash", BY_NAME.toString(),
                nameServer, "ping", "-6", "-n"));
        command.addAll(List.of(options));
        command.add(name);
        long startedAt = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> all = new ArrayList<>();
        int firstSeq = -1;
        double firstMillis = -1;
        long firstAt = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                all.add(line);
                Matcher echo = ECHO.matcher(line);
                if (firstSeq < 0 && echo.find()) {
                    firstAt = System.nanoTime();
                    firstSeq = Integer.parseInt(echo.group(1));
                    firstMillis = Double.parseDouble(echo.group(2));
                }
            }
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new ByNamePing(String.join("\n", all), firstSeq, firstMillis, startedAt, firstAt);
    }

    /** Whether an answer came. */
    boolean answered() {
        return firstSeq > 0;
    }

    /** From the command issued to its first answer read, ms (name lookup, keying and round trip); -1 if none. */
    double wallMillis() {
        return answered() ? (firstAnsweredAt - startedAt) / 1e6 : -1;
    }
}
