package io.homeward.netwatch.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.homeward.api.netwatch.NetworkChange;

/**
 * Runs {@code ip -o monitor link address route} (iproute2) as a child process and turns each line it prints
 * into a change: the JDK has no netlink socket, and this is the kernel's own event stream at one remove.
 */
final class IpMonitor implements EventSource {
    private static final long STOP_WAIT_MILLIS = 2000;

    private final List<String> command;
    private final Clock clock;

    /** @param command the program and its arguments, for example {@code ip -o monitor link address route} */
    IpMonitor(List<String> command, Clock clock) {
        this.command = List.copyOf(command);
        this.clock = clock;
    }

    static List<String> command(String ip) {
        return List.of(ip, "-o", "monitor", "link", "address", "route");
    }

    @Override
    public String describe() {
        return String.join(" ", command);
    }

    @Override
    public Running start(Consumer<NetworkChange> changes, Consumer<String> ended) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        Thread reader = new Thread(() -> read(process, changes, ended), "homeward-netwatch-ip-monitor");
        reader.setDaemon(true);
        Stopper stopper = new Stopper(process, reader);
        reader.start();
        return stopper;
    }

    private void read(Process process, Consumer<NetworkChange> changes, Consumer<String> ended) {
        String lastOther = "";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                var change = MonitorLines.parse(line, clock.instant());
                if (change.isPresent()) {
                    changes.accept(change.get());
                } else {
                    lastOther = line;
                }
            }
            boolean exited = process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (!Thread.currentThread().isInterrupted()) {
                ended.accept(describe() + (exited ? " exited with code " + process.exitValue() : " closed its output")
                        + (lastOther.isBlank() ? "" : " after printing: " + lastOther.trim()));
            }
        } catch (IOException e) {
            if (!Thread.currentThread().isInterrupted()) {
                ended.accept(describe() + " could not be read: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interrupts the reader first so that the end of the stream it sees is not reported as a failure. */
    private record Stopper(Process process, Thread reader) implements Running {
        @Override
        public void stop() {
            reader.interrupt();
            process.destroy();
            try {
                if (!process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                }
                reader.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
