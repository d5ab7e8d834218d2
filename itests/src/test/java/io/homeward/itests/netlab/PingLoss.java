package io.homeward.itests.netlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ping -6 -D -O} at a fixed rate from one lab host to an address: which echo requests were never answered,
 * and when ping gave up waiting for each ({@code -O} prints "no answer yet" when it sends the next one).
 */
final class PingLoss implements AutoCloseable {
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)\\.(\\d+)\\] (.*)icmp_seq=(\\d+)");

    private final Process ping;
    private final Thread reader;
    /** Sequence number → when it was reported unanswered (epoch milliseconds). */
    private final Map<Integer, Long> unanswered = new TreeMap<>();
    private final Set<Integer> answered = new HashSet<>();

    private PingLoss(Process ping) {
        this.ping = ping;
        this.reader = new Thread(this::read, "ping-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static PingLoss start(String namespace, String address, int perSecond) throws IOException {
        String interval = String.format(java.util.Locale.ROOT, "%.3f", 1.0 / perSecond);
        return new PingLoss(new ProcessBuilder("ip", "netns", "exec", namespace, "ping", "-6", "-D", "-O", "-i",
                interval, address).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ping.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                long at = Long.parseLong(m.group(1)) * 1000 + Long.parseLong((m.group(2) + "000").substring(0, 3));
                int sequence = Integer.parseInt(m.group(4));
                synchronized (unanswered) {
                    if (m.group(3).startsWith("no answer yet")) {
                        unanswered.putIfAbsent(sequence, at);
                    } else {
                        answered.add(sequence);
                    }
                }
            }
        } catch (IOException e) {
            // ping stopped; what it printed so far is counted
        }
    }

    /** Echo requests never answered that ping gave up on between the two times (epoch milliseconds). */
    int lostBetween(long fromMillis, long toMillis) {
        synchronized (unanswered) {
            return (int) unanswered.entrySet().stream().filter(e -> !answered.contains(e.getKey()))
                    .filter(e -> e.getValue() >= fromMillis && e.getValue() < toMillis).count();
        }
    }

    @Override
    public void close() throws InterruptedException {
        ping.destroy();
        if (!ping.waitFor(5, TimeUnit.SECONDS)) {
            ping.destroyForcibly();
        }
        reader.join(5000);
    }
}
