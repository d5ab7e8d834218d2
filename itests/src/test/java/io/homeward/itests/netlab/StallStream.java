package io.homeward.itests.netlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An interactive TCP session between two lab hosts ({@code itests/netlab/stall-stream.py}): the client sends a small
 * message every few milliseconds, the server echoes it, and this reads the wall-clock time of every echo the client
 * got. A gap between two echoes is how long the session stalled, both directions counted.
 */
final class StallStream implements AutoCloseable {
    private final Process server;
    private final Process client;
    private final List<Long> arrivals = new ArrayList<>();
    private final Thread reader;
    private volatile String broken;

    private StallStream(Process server, Process client) {
        this.server = server;
        this.client = client;
        this.reader = new Thread(this::read, "stall-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Serves on {@code address} in the server's namespace and connects from the client's; sends every interval. */
    static StallStream start(String serverNamespace, String clientNamespace, String address, int port, int intervalMillis,
            long seconds) throws IOException, InterruptedException {
        return start(serverNamespace, address, List.of("ip", "netns", "exec", clientNamespace), address, port,
                intervalMillis, seconds);
    }

    /**
     * Like {@link #start(String, String, String, int, int, long)}, the client connecting to {@code name} as the agent's
     * name server at {@code nameServer} resolves it ({@code itests/netlab/by-name.sh}).
     */
    static StallStream byName(String serverNamespace, String address, String clientNamespace, String nameServer,
            String name, int port, int intervalMillis, long seconds) throws IOException, InterruptedException {
        return start(serverNamespace, address, List.of("ip", "netns", "exec", clientNamespace, "bash",
                NetLab.file("by-name.sh").toString(), nameServer), name, port, intervalMillis, seconds);
    }

    private static StallStream start(String serverNamespace, String address, List<String> clientPrefix, String target,
            int port, int intervalMillis, long seconds) throws IOException {
        String script = NetLab.file("stall-stream.py").toString();
        Process server = new ProcessBuilder("ip", "netns", "exec", serverNamespace, "python3", script, "serve", address,
                Integer.toString(port)).redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (!"listening".equals(first)) {
            server.destroyForcibly();
            throw new IOException("stall-stream.py did not listen on [" + address + "]:" + port + ": " + first);
        }
        List<String> client = new ArrayList<>(clientPrefix);
        client.addAll(List.of("python3", script, "send", target, Integer.toString(port), Integer.toString(intervalMillis),
                Long.toString(seconds)));
        return new StallStream(server, new ProcessBuilder(client).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("broken")) {
                    broken = line;
                } else if (!line.isBlank()) {
                    long at = Long.parseLong(line.trim());
                    synchronized (arrivals) {
                        arrivals.add(at);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            broken = "cannot read the client: " + e.getMessage();
        }
    }

    /** Why the session broke, or null while it runs. */
    String broken() {
        return broken;
    }

    /**
     * The longest time between two echoes where the later came after {@code fromMillis} and the earlier before
     * {@code toMillis} (epoch milliseconds): the stall around something that happened in between. A stall still
     * going on at {@code toMillis} counts up to then.
     */
    long longestGap(long fromMillis, long toMillis) {
        synchronized (arrivals) {
            long longest = arrivals.isEmpty() ? toMillis - fromMillis : 0;
            for (int i = 1; i < arrivals.size(); i++) {
                long before = arrivals.get(i - 1);
                long after = arrivals.get(i);
                if (after > fromMillis && before < toMillis) {
                    longest = Math.max(longest, after - before);
                }
            }
            if (!arrivals.isEmpty()) {
                longest = Math.max(longest, toMillis - Math.max(fromMillis, arrivals.get(arrivals.size() - 1)));
            }
            return longest;
        }
    }

    /** Whether echoes arrived after {@code sinceMillis} with no gap above {@code maxGapMillis} for {@code forMillis}. */
    boolean flowing(long sinceMillis, long forMillis, long maxGapMillis) {
        synchronized (arrivals) {
            int i = arrivals.size() - 1;
            if (i < 0 || arrivals.get(i) < sinceMillis + forMillis) {
                return false;
            }
            long end = arrivals.get(i);
            for (; i > 0 && arrivals.get(i) > end - forMillis; i--) {
                if (arrivals.get(i) - arrivals.get(i - 1) > maxGapMillis) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        // by-name.sh runs the client as its child: the client itself is told to stop, and ends cleanly
        client.descendants().forEach(ProcessHandle::destroy);
        client.destroy();
        server.destroy();
        for (Process p : List.of(client, server)) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        reader.join(5000);
    }
}
