package io.homeward.netwatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

/**
 * The real event source inside a network namespace of its own with a veth pair: an address added there is
 * reported within 2 s. Needs root and iproute2; skipped without them, except under CI where it must run.
 */
class NamespaceMonitorTest {
    private final String namespace = "hwnetwatch" + ProcessHandle.current().pid();
    private final BlockingQueue<NetworkChange> changes = new LinkedBlockingQueue<>();
    private EventSource.Running running;

    @BeforeEach
    void createNamespace() throws Exception {
        boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        boolean ip = Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"));
        if (!root || !ip) {
            String why = !root ? "creating a network namespace needs root" : "iproute2 (Debian package iproute2) is missing";
            if (System.getenv("CI") != null) {
                fail(why + ", and CI must run this test");
            }
            assumeTrue(false, why);
        }
        run("ip", "netns", "add", namespace);
        inside("ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        inside("ip", "link", "set", "v0", "up");
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        if (running != null) {
            running.stop();
        }
        if (Files.exists(Path.of("/run/netns", namespace))) {
            run("ip", "netns", "del", namespace);
        }
    }

    @Test
    void anAddressAddedInTheNamespaceIsSeenWithinTwoSeconds() throws Exception {
        running = new IpMonitor(List.of("ip", "netns", "exec", namespace, "ip", "-o", "monitor", "link", "address",
                "route"), Clock.systemUTC()).start(changes::add, reason -> { });
        awaitListening();
        changes.clear();
        inside("ip", "addr", "add", "10.77.0.2/24", "dev", "v0");
        NetworkChange seen = awaitKind(Kind.ADDRESS_ADDED, 2000);
        assertNotNull(seen, "no address change within 2 s; saw " + changes);
        assertEquals("10.77.0.2/24 added on v0", seen.detail());
        assertEquals(Optional.of("v0"), seen.interfaceName());

        inside("ip", "route", "add", "default", "via", "10.77.0.1");
        assertNotNull(awaitKind(Kind.DEFAULT_ROUTE_CHANGED, 2000), "no default route change within 2 s");
        inside("ip", "addr", "del", "10.77.0.2/24", "dev", "v0");
        assertNotNull(awaitKind(Kind.ADDRESS_REMOVED, 2000), "no address removal within 2 s");
    }

    /** The monitor subscribes some time after the process starts: flap the peer link until a change shows. */
    private void awaitListening() throws Exception {
        for (int i = 0; i < 50; i++) {
            inside("ip", "link", "set", "v1", i % 2 == 0 ? "up" : "down");
            if (changes.poll(200, TimeUnit.MILLISECONDS) != null) {
                return;
            }
        }
        fail("ip monitor in namespace " + namespace + " reported nothing within 10 s");
    }

    private NetworkChange awaitKind(Kind kind, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
            NetworkChange c = changes.poll(left, TimeUnit.MILLISECONDS);
            if (c != null && c.kind() == kind) {
                return c;
            }
        }
        return null;
    }

    private void inside(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 10 s");
        }
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
    }
}
