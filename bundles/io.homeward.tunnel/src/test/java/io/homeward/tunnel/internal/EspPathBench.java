package io.homeward.tunnel.internal;

import java.lang.management.ManagementFactory;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.SaSpec;
import io.homeward.testkit.RecordingLogger;

/**
 * The ESP packet path without sockets or TUN, run by {@code itests/bench/esp-path.sh}: one host's outbound path
 * seals an inner IPv6 packet, the other's inbound path checks and opens it, for each suite and packet size, with
 * Extended Sequence Numbers and without.
 * Prints nanoseconds and bytes allocated per packet (both directions together) after a warm-up.
 */
public final class EspPathBench {
    private static final Inet6Address ULA_A = ula("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c");
    private static final Inet6Address ULA_B = ula("fd77:1e08:2f6c:d913:226:bbff:fe12:3456");

    /** A "suite" that copies and appends a zero ICV: what the path itself costs and allocates, without the JCE. */
    private static final CryptoSuite COPY = new CryptoSuite() {
        @Override
        public String name() {
            return "copy (no crypto)";
        }

        @Override
        public int transformId() {
            return 0;
        }

        @Override
        public java.util.Set<Integer> keySizes() {
            return java.util.Set.of(128);
        }

        @Override
        public int saltLength() {
            return 4;
        }

        @Override
        public int ivLength() {
            return 8;
        }

        @Override
        public int icvLength() {
            return 16;
        }

        @Override
        public io.homeward.api.crypto.PacketAead newAead(byte[] keyMaterial) {
            return new io.homeward.api.crypto.PacketAead() {
                @Override
                public int seal(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out,
                        int outOffset) {
                    System.arraycopy(in, inOffset, out, outOffset, length);
                    java.util.Arrays.fill(out, outOffset + length, outOffset + length + 16, (byte) 0);
                    return length + 16;
                }

                @Override
                public int open(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out,
                        int outOffset) {
                    System.arraycopy(in, inOffset, out, outOffset, length - 16);
                    return length - 16;
                }
            };
        }
    };

    private EspPathBench() {
    }

    public static void main(String[] args) throws Exception {
        int packets = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        System.out.println("java " + System.getProperty("java.version") + ", " + packets + " packets per case");
        for (CryptoSuite suite : new CryptoSuite[] {COPY, Suites.AES_GCM, Suites.CHACHA20}) {
            for (int size : new int[] {64, 1400}) {
                for (boolean esn : new boolean[] {true, false}) {
                    run(suite, size, esn, packets);
                }
            }
        }
    }

    private static void run(CryptoSuite suite, int size, boolean esn, int packets) throws Exception {
        Map<String, CryptoSuite> byName = Map.of(suite.name(), suite);
        SaTable a = new SaTable(byName::get, () -> suite, System::nanoTime, new SplittableRandom(1),
                HoldLimits.DEFAULT, new RecordingLogger().logger());
        SaTable b = new SaTable(byName::get, () -> suite, System::nanoTime, new SplittableRandom(2),
                HoldLimits.DEFAULT, new RecordingLogger().logger());
        byte[] aToB = new byte[suite == Suites.CHACHA20 ? 36 : 20];
        byte[] bToA = aToB.clone();
        InetSocketAddress outerA = new InetSocketAddress("203.0.113.7", 4500);
        InetSocketAddress outerB = new InetSocketAddress("198.51.100.20", 4500);
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, suite.name(), bToA, aToB, outerB, esn));
        b.install(new SaSpec(ULA_A, 0x2000, 0x1000, suite.name(), aToB, bToA, outerA, esn));
        long[] delivered = {0};
        InboundPath in = new InboundPath(b, (buf, off, len) -> delivered[0] += len, ULA_B);
        OutboundPath out = new OutboundPath(a, (buf, off, len, to) -> in.receive(buf, off, len, outerA), System::nanoTime);
        byte[] packet = new byte[size];
        packet[0] = 0x60;
        packet[4] = (byte) ((size - 40) >> 8);
        packet[5] = (byte) (size - 40);
        packet[6] = 59;
        packet[7] = 64;
        System.arraycopy(ULA_A.getAddress(), 0, packet, 8, 16);
        System.arraycopy(ULA_B.getAddress(), 0, packet, 24, 16);
        for (int i = 0; i < packets / 4; i++) {
            out.send(packet, 0, size);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < packets; i++) {
            out.send(packet, 0, size);
        }
        long elapsed = System.nanoTime() - start;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        if (delivered[0] != (long) size * (packets + packets / 4)) {
            throw new AssertionError("not every packet arrived: " + delivered[0]);
        }
        System.out.printf(Locale.ROOT, "%-18s %5d B esn %-3s: seal + open %6.0f ns per packet (%,.0f packets/s,"
                + " %.2f Gbit/s inner), %5.1f B allocated per packet%n", suite.name(), size, esn ? "on" : "off",
                (double) elapsed / packets,
                packets * 1e9 / elapsed, packets * 8.0 * size / elapsed, (double) allocated / packets);
    }

    private static Inet6Address ula(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
