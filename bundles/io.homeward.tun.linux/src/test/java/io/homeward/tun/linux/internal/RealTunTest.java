package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeward.kit.process.ProcessCommandRunner;
import io.homeward.kit.text.Ipv6Text;
import io.homeward.testkit.RecordingLogger;

/**
 * Creates a real TUN interface {@code hwtest<random>} with an fd00:dead:beef::/48 address in this network
 * namespace, and always removes it again. Needs root; skipped without it, except under CI (env CI set) where it
 * must run.
 */
class RealTunTest {
    private static final long WAIT_SECONDS = 10;
    private final ProcessCommandRunner commands = new ProcessCommandRunner(Duration.ofSeconds(10));
    private final String name = "hwtest" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    private ExecutorService reader;
    private LinuxTunComponent provider;

    @BeforeEach
    void needsRoot() {
        if (System.getenv("CI") == null) {
            assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0
                    && Files.exists(Path.of("/dev/net/tun")), "needs root and /dev/net/tun");
        }
        reader = Executors.newSingleThreadExecutor();
        provider = new LinuxTunComponent(new JnaTunOpener(Path.of("/dev/net/tun"), new FdTable(Path.of("/proc/self/fd"))),
                commands, new IpCommands("ip"), new ProcStatusCapabilities(Path.of("/proc/self/status")),
                new RecordingLogger().logger());
    }

    @AfterEach
    void removeWhateverIsLeft() throws InterruptedException {
        if (provider != null) {
            provider.deactivate();
        }
        if (exists()) {
            try {
                commands.run(List.of("ip", "link", "del", name));
            } catch (IOException e) {
                System.err.println("could not remove test interface " + name + ": " + e.getMessage());
            }
        }
        if (reader != null) {
            reader.shutdownNow();
            reader.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void interfaceHasTheAddressMtuAndRoutesAndGoesAwayOnClose() throws Exception {
        Inet6Address ours = address(0x10);
        Inet6Address peer = address(0x20);
        LinuxTunDevice device = (LinuxTunDevice) provider.open(name, ours, 1400);

        assertTrue(commands.run(List.of("ip", "-6", "addr", "show", "dev", name)).contains(text(ours) + "/128"));
        String link = commands.run(List.of("ip", "link", "show", "dev", name));
        assertTrue(link.contains("mtu 1400"), link);
        assertTrue(link.matches("(?s).*[<,]UP[,>].*"), link);

        provider.addRoute(device, peer);
        assertTrue(commands.run(List.of("ip", "-6", "route", "show", "dev", name)).contains(text(peer)));
        provider.removeRoute(device, peer);
        assertFalse(commands.run(List.of("ip", "-6", "route", "show", "dev", name)).contains(text(peer)));

        device.close();
        assertFalse(exists(), "the interface outlived its device");
        assertEquals(0, provider.openDevices());
    }

    @Test
    void packetsRoutedIntoTheInterfaceAreReadAndWrittenPacketsReachTheHost() throws Exception {
        Inet6Address ours = address(0x10);
        Inet6Address peer = address(0x20);
        LinuxTunDevice device = (LinuxTunDevice) provider.open(name, ours, 1400);
        provider.addRoute(device, peer);
        try (DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            socket.bind(new InetSocketAddress(ours, 0));
            int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();

            Future<Integer> outbound = reader.submit(() -> readUdp(device, peer, 9999));
            socket.send(ByteBuffer.wrap("out".getBytes(StandardCharsets.US_ASCII)), new InetSocketAddress(peer, 9999));
            assertEquals(Udp6.HEADER + 8 + 3, outbound.get(WAIT_SECONDS, TimeUnit.SECONDS));

            device.write(Udp6.packet(peer, 7777, ours, port, "in".getBytes(StandardCharsets.US_ASCII)));
            socket.socket().setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            byte[] received = new byte[16];
            java.net.DatagramPacket datagram = new java.net.DatagramPacket(received, received.length);
            try {
                socket.socket().receive(datagram);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("the packet written to " + name + " did not reach the socket; interface: "
                        + commands.run(List.of("ip", "-s", "link", "show", "dev", name)), e);
            }
            assertEquals("in", new String(received, 0, datagram.getLength(), StandardCharsets.US_ASCII));
            assertEquals(new InetSocketAddress(peer, 7777), datagram.getSocketAddress());
        }
        device.close();
        assertFalse(exists());
    }

    @Test
    void closingUnblocksAReaderAndRemovesTheInterface() throws Exception {
        LinuxTunDevice device = (LinuxTunDevice) provider.open(name, address(0x10), 1400);
        Future<Integer> blocked = reader.submit(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(1400);
            for (int i = 0; i < 1000; i++) {
                device.read(buffer.clear());
            }
            return -1;
        });
        device.close();
        ExecutionException ended = assertThrows(ExecutionException.class, () -> blocked.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, ended.getCause());
        assertFalse(exists());
    }

    @Test
    void aSecondOpenOfABusyInterfaceSaysAnotherProcessHasIt() throws Exception {
        provider.open(name, address(0x10), 1400);
        IOException refused = assertThrows(IOException.class, () -> provider.open(name, address(0x10), 1400));
        assertTrue(refused.getMessage().contains("another process has it open"), refused.getMessage());
        assertEquals(1, provider.openDevices());
    }

    /** Reads until the UDP packet arrives, past the router solicitations and MLD reports the kernel also sends. */
    private static int readUdp(LinuxTunDevice device, Inet6Address to, int port) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(device.mtu());
        for (int i = 0; i < 100; i++) {
            int length = device.read(buffer.clear());
            if (Udp6.isUdpTo(buffer, length, to, port)) {
                return length;
            }
        }
        throw new IOException("no UDP packet to " + to + " among 100 packets");
    }

    private boolean exists() {
        try {
            commands.run(List.of("ip", "link", "show", "dev", name));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Inet6Address address(int last) throws IOException {
        byte[] a = InetAddress.getByName("fd00:dead:beef::").getAddress();
        a[14] = (byte) ThreadLocalRandom.current().nextInt(256);
        a[15] = (byte) last;
        return (Inet6Address) InetAddress.getByAddress(a);
    }

    private static String text(Inet6Address address) {
        return Ipv6Text.format(address);
    }
}
