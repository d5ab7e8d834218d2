package io.homeward.tun.linux.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import io.homeward.kit.process.CommandRunner;
import io.homeward.kit.process.ProcessCommandRunner;

/**
 * Per-packet TUN I/O cost, run by itests/bench/tun-io.sh inside a throwaway namespace: reads ICMPv6 echo
 * requests that {@code ping -f} sends into the interface and writes each back as the echo reply, either through
 * the NIO channels the provider uses or through JNA read()/write() on the same descriptor. Prints one line:
 * mode, packets, packets/s, wall µs/packet and the loop thread's CPU µs/packet (user + system).
 *
 * <p>Arguments: mode (nio, jna or jna-direct), interface name, packets to answer, ready file. The script stops
 * the process if ping loses packets and the count is never reached.
 */
public final class TunIoBench {
    static final String OURS = "fd00:bec::1";
    static final String PEER = "fd00:bec::2";
    private static final int ICMPV6 = 58;
    private static final int ECHO_REQUEST = 128;
    private static final int ECHO_REPLY = 129;

    /** One way of moving a packet between the descriptor and a heap array, as a caller with byte[] would. */
    private interface PacketIo {
        int read(byte[] packet) throws IOException;

        void write(byte[] packet, int length) throws IOException;
    }

    /** The libc read/write through an ordinary JNA interface mapping, with one native buffer per direction. */
    interface JnaLibC extends com.sun.jna.Library {
        NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;
    }

    /** The same calls through JNA direct mapping (Native.register), JNA's fastest path. */
    static final class DirectLibC {
        static {
            Native.register("c");
        }

        private DirectLibC() {
        }

        static native NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

        static native NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;
    }

    private TunIoBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String name = args[1];
        int packets = Integer.parseInt(args[2]);
        Path ready = Path.of(args[3]);

        TunFile tun = TunFile.open(Path.of("/dev/net/tun"), new FdTable(Path.of("/proc/self/fd")),
                Native.load("c", LibC.class), name);
        IpCommands ip = new IpCommands("ip");
        CommandRunner commands = new ProcessCommandRunner(Duration.ofSeconds(10));
        commands.run(ip.setMtu(name, 1500));
        commands.run(ip.setAddress(name, v6(OURS)));
        commands.run(ip.up(name));
        commands.run(ip.addRoute(name, v6(PEER)));
        PacketIo io = io(mode, tun);
        Files.writeString(ready, "ready");
        try {
            echo(mode, io, packets);
        } finally {
            tun.close();
        }
    }

    private static void echo(String mode, PacketIo io, int packets) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] packet = new byte[65_535];
        int warmup = Math.min(packets / 10, 20_000);
        int answered = 0;
        int others = 0;
        long startWall = 0;
        long startCpu = 0;
        try {
            while (answered < packets) {
                int length = io.read(packet);
                if (!toReply(packet, length)) {
                    others++;
                    continue;
                }
                io.write(packet, length);
                answered++;
                if (answered == warmup) {
                    startWall = System.nanoTime();
                    startCpu = threads.getCurrentThreadCpuTime();
                }
            }
        } catch (IOException | LastErrorException e) {
            System.err.println(mode + ": stopped after " + answered + " packets: " + e);
        }
        long measured = answered - warmup;
        if (measured <= 0) {
            System.out.printf(Locale.ROOT, "%-10s no packets measured (%d answered)%n", mode, answered);
            return;
        }
        double wallNanos = System.nanoTime() - startWall;
        double cpuNanos = threads.getCurrentThreadCpuTime() - startCpu;
        System.out.printf(Locale.ROOT, "%-10s %8d packets %9.0f packets/s %7.2f us/packet wall %7.2f us/packet CPU"
                + " (%d others skipped)%n", mode, measured, measured / (wallNanos / 1e9), wallNanos / measured / 1e3,
                cpuNanos / measured / 1e3, others);
    }

    /**
     * Turns an ICMPv6 echo request into the reply by swapping the addresses (the pseudo-header sum does not
     * change) and the type, updating the checksum incrementally (RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m')).
     */
    static boolean toReply(byte[] p, int length) {
        if (length < 48 || (p[0] & 0xF0) != 0x60 || p[6] != ICMPV6 || (p[40] & 0xFF) != ECHO_REQUEST) {
            return false;
        }
        for (int i = 8; i < 24; i++) {
            byte b = p[i];
            p[i] = p[i + 16];
            p[i + 16] = b;
        }
        p[40] = (byte) ECHO_REPLY;
        int checksum = ((p[42] & 0xFF) << 8) | (p[43] & 0xFF);
        int sum = (~checksum & 0xFFFF) + (~(ECHO_REQUEST << 8) & 0xFFFF) + (ECHO_REPLY << 8);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        checksum = ~sum & 0xFFFF;
        p[42] = (byte) (checksum >>> 8);
        p[43] = (byte) checksum;
        return true;
    }

    private static PacketIo io(String mode, TunFile tun) throws IOException {
        int fd = tun.fd();
        Memory in = new Memory(65_535);
        Memory out = new Memory(65_535);
        return switch (mode) {
            case "nio" -> nio(new LinuxTunDevice("bench", 1500, tun.channels(), d -> { }));
            case "jna" -> {
                JnaLibC libc = Native.load("c", JnaLibC.class);
                yield new PacketIo() {
                    @Override
                    public int read(byte[] packet) {
                        int n = libc.read(fd, in, new NativeLong(in.size())).intValue();
                        in.read(0, packet, 0, n);
                        return n;
                    }

                    @Override
                    public void write(byte[] packet, int length) {
                        out.write(0, packet, 0, length);
                        libc.write(fd, out, new NativeLong(length));
                    }
                };
            }
            case "jna-direct" -> new PacketIo() {
                @Override
                public int read(byte[] packet) {
                    int n = DirectLibC.read(fd, in, new NativeLong(in.size())).intValue();
                    in.read(0, packet, 0, n);
                    return n;
                }

                @Override
                public void write(byte[] packet, int length) {
                    out.write(0, packet, 0, length);
                    DirectLibC.write(fd, out, new NativeLong(length));
                }
            };
            default -> throw new IllegalArgumentException("mode is nio, jna or jna-direct, not " + mode);
        };
    }

    private static PacketIo nio(LinuxTunDevice device) {
        return new PacketIo() {
            @Override
            public int read(byte[] packet) throws IOException {
                return device.read(ByteBuffer.wrap(packet));
            }

            @Override
            public void write(byte[] packet, int length) throws IOException {
                device.write(ByteBuffer.wrap(packet, 0, length));
            }
        };
    }

    private static Inet6Address v6(String text) throws IOException {
        return (Inet6Address) InetAddress.getByName(text);
    }
}
