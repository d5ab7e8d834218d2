package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.MissingSaListener;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;
import io.homeward.testkit.RecordingLogger;

/**
 * On-demand keying at host A: packets to a peer without an SA pair are held while a missing-SA listener is
 * registered, and go out on the first pair installed for it, before any later packet; host B opens them to check
 * what arrived and in which order.
 */
class OnDemandHoldTest {
    private static final Inet6Address ULA_A = address("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c");
    private static final Inet6Address ULA_B = address("fd77:1e08:2f6c:d913:226:bbff:fe12:3456");
    private static final Inet6Address ULA_C = address("fd77:1e08:2f6c:d913:226:bbff:fe12:c");
    private static final InetSocketAddress OUTER_A = new InetSocketAddress("198.51.100.20", 4500);
    private static final InetSocketAddress OUTER_B = new InetSocketAddress("203.0.113.7", 4500);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] A_TO_B = Suites.key(AES_GCM, 0x11);
    private static final byte[] B_TO_A = Suites.key(AES_GCM, 0x22);

    private final Map<String, CryptoSuite> suites = Map.of(AES_GCM.name(), AES_GCM);
    private final AtomicLong now = new AtomicLong(100 * SECOND);
    private final RecordingLogger logA = new RecordingLogger();
    private final List<Inet6Address> told = new CopyOnWriteArrayList<>();
    private final MissingSaListener listener = told::add;
    private final List<byte[]> wire = new CopyOnWriteArrayList<>();
    private final List<Thread> wireThreads = new CopyOnWriteArrayList<>();
    private final List<byte[]> delivered = new ArrayList<>();
    private final SaTable tableB = new SaTable(suites::get, () -> AES_GCM, () -> 0, new SplittableRandom(2),
            HoldLimits.DEFAULT, new RecordingLogger().logger());
    private final InboundPath inB = new InboundPath(tableB,
            (buf, off, len) -> delivered.add(Arrays.copyOfRange(buf, off, off + len)), ULA_B);
    /** Called for each datagram A sends, on the sending thread, after it is on the wire. */
    private volatile Runnable onSend = () -> { };
    private SaTable tableA;
    private OutboundPath outA;

    OnDemandHoldTest() {
        start(HoldLimits.DEFAULT);
        tableB.install(new SaSpec(ULA_A, 0x2000, 0x1000, AES_GCM.name(), A_TO_B, B_TO_A, OUTER_A));
    }

    private void start(HoldLimits limits) {
        tableA = new SaTable(suites::get, () -> AES_GCM, now::get, new SplittableRandom(1), limits, logA.logger());
        outA = new OutboundPath(tableA, (buf, off, len, to) -> {
            wire.add(Arrays.copyOfRange(buf, off, off + len));
            wireThreads.add(Thread.currentThread());
            onSend.run();
        }, now::get);
    }

    private static Inet6Address address(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static SaSpec pairWithB() {
        return new SaSpec(ULA_B, 0x1000, 0x2000, AES_GCM.name(), B_TO_A, A_TO_B, OUTER_B);
    }

    /** An IPv6 packet from A of {@code length} octets whose first payload octet is {@code n}. */
    private static byte[] packet(Inet6Address to, int n, int length) {
        byte[] p = new byte[length];
        p[0] = 0x60;
        p[4] = (byte) ((length - Esp.IPV6_HEADER) >> 8);
        p[5] = (byte) (length - Esp.IPV6_HEADER);
        p[6] = 59;
        p[7] = 64;
        System.arraycopy(ULA_A.getAddress(), 0, p, Esp.IPV6_SOURCE, 16);
        System.arraycopy(to.getAddress(), 0, p, Esp.IPV6_DESTINATION, 16);
        p[Esp.IPV6_HEADER] = (byte) n;
        return p;
    }

    private void send(Inet6Address to, int... numbers) throws Exception {
        for (int n : numbers) {
            byte[] p = packet(to, n, 60);
            outA.send(p, 0, p.length);
        }
    }

    /** B opens everything A put on the wire; returns the numbers of the inner packets, in arrival order. */
    private List<Integer> arrivedAtB() throws Exception {
        for (byte[] esp : wire) {
            inB.receive(esp, 0, esp.length, OUTER_A);
        }
        return delivered.stream().map(p -> (int) p[Esp.IPV6_HEADER]).toList();
    }

    /** ESP sequence numbers on the wire, in order. */
    private List<Integer> sequenceNumbers() {
        return wire.stream().map(esp -> Bytes.getInt(esp, 4)).toList();
    }

    private long dropped(TunnelDrops.Reason reason) {
        return tableA.drops().of(reason);
    }

    @Test
    void withoutListenerAPacketWithoutPairIsDroppedAsBefore() throws Exception {
        send(ULA_B, 1);
        tableA.install(pairWithB());

        assertTrue(wire.isEmpty());
        assertEquals(1, dropped(TunnelDrops.Reason.NO_SA));
        assertEquals(0, tableA.hold().buffersInUse());
        assertTrue(tableA.holdStatus().text().startsWith("hold for keying: off"), tableA.holdStatus().text());
    }

    @Test
    void multicastIsNeverHeldNorToldOf() throws Exception {
        tableA.addMissingSaListener(listener);
        send((Inet6Address) InetAddress.getByName("ff02::2"), 1);

        assertEquals(List.of(), told);
        assertEquals(1, dropped(TunnelDrops.Reason.NO_SA));
        assertEquals(0, tableA.hold().buffersInUse());
    }

    @Test
    void heldPacketsGoOutInOrderOnTheInstalledPairBeforeLaterOnes() throws Exception {
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1, 2, 3);
        send(ULA_C, 9);

        assertTrue(wire.isEmpty());
        assertEquals(List.of(ULA_B, ULA_C), told, "told once per destination");
        tableA.install(pairWithB());
        send(ULA_B, 4);

        assertEquals(List.of(1, 2, 3, 4), arrivedAtB());
        assertEquals(List.of(1, 2, 3, 4), sequenceNumbers());
        assertEquals(4, tableA.list().get(0).packetsOut());
        assertEquals(List.of(ULA_B, ULA_C), told, "a destination with a pair is not told of");
        assertEquals(0, dropped(TunnelDrops.Reason.NO_SA));
        assertEquals(1, tableA.hold().buffersInUse(), "C's packet still waits");
        assertEquals(List.of("INFO Sent 3 packets that waited for keying with " + ULA_B.getHostAddress()),
                logA.lines().stream().filter(l -> l.contains("waited for keying")).toList());
    }

    @Test
    void heldPacketsGoOutOnAPairAddedForAPeerWithoutOne() throws Exception {
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1, 2);

        tableA.add(pairWithB(), Sending.AFTER_FIRST_INBOUND);

        assertEquals(List.of(1, 2), arrivedAtB());
        assertEquals(0, tableA.hold().buffersInUse());
    }

    @Test
    void packetsThatWaitedTooLongAreDroppedByTheTimerOrWhenThePairComes() throws Exception {
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1, 2);
        now.addAndGet(5 * SECOND);
        send(ULA_B, 3);
        send(ULA_C, 7);
        now.addAndGet(3 * SECOND + 1);

        tableA.expireHeld();
        assertEquals(2, dropped(TunnelDrops.Reason.HELD_TOO_LONG));
        assertEquals(2, tableA.hold().buffersInUse());
        now.addAndGet(5 * SECOND);
        tableA.install(pairWithB());

        assertTrue(wire.isEmpty(), "packet 3 was too old by the time the pair came");
        assertEquals(3, dropped(TunnelDrops.Reason.HELD_TOO_LONG));
        assertEquals(1, tableA.hold().buffersInUse(), "C's packet is dropped by the next timer");
        tableA.expireHeld();
        assertEquals(0, tableA.hold().buffersInUse());
        assertEquals(4, dropped(TunnelDrops.Reason.HELD_TOO_LONG));
    }

    @Test
    void listenersAreToldOnceEachTimeADestinationStartsWaiting() throws Exception {
        tableA.addMissingSaListener(listener);
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1, 2, 3);
        assertEquals(List.of(ULA_B), told, "once, however many packets and however often the listener was added");

        now.addAndGet(9 * SECOND);
        tableA.expireHeld();
        send(ULA_B, 4);
        assertEquals(List.of(ULA_B, ULA_B), told, "everything held expired: the destination starts waiting again");

        tableA.install(pairWithB());
        tableA.remove(ULA_B);
        send(ULA_B, 5);
        assertEquals(List.of(ULA_B, ULA_B, ULA_B), told, "its pair gone, the destination waits again");
        assertEquals(List.of(4), arrivedAtB());
    }

    @Test
    void aFailingListenerIsLoggedAndThePacketStillHeld() throws Exception {
        tableA.addMissingSaListener(destination -> {
            throw new IllegalStateException("broken");
        });
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1);

        assertEquals(List.of(ULA_B), told);
        assertEquals(1, logA.count(LogLevel.ERROR, "missing-SA listener failed"));
        tableA.install(pairWithB());
        assertEquals(List.of(1), arrivedAtB());
    }

    @Test
    void beyondThePacketsPerPeerTheNewestAreDropped() throws Exception {
        start(HoldLimits.of(2, 8, 1500));
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1, 2, 3, 4);
        send(ULA_C, 5);

        assertEquals(2, dropped(TunnelDrops.Reason.HOLD_PEER_FULL));
        tableA.install(pairWithB());
        assertEquals(List.of(1, 2), arrivedAtB());
    }

    @Test
    void beyondSixtyFourDestinationsAnotherWaitsOnlyOnceOneLeaves() throws Exception {
        tableA.addMissingSaListener(listener);
        for (int i = 1; i <= HoldLimits.PEERS; i++) {
            send(address("fd00::" + Integer.toHexString(i)), i);
        }
        send(ULA_B, 1);

        assertEquals(1, dropped(TunnelDrops.Reason.HOLD_TOO_MANY_PEERS));
        assertEquals(HoldLimits.PEERS, told.size(), "B was not told of: nothing of it is held");
        now.addAndGet(9 * SECOND);
        send(ULA_B, 2);
        assertEquals(ULA_B, told.get(told.size() - 1), "the others expired: B waits now");
        tableA.install(pairWithB());
        assertEquals(List.of(2), arrivedAtB());
    }

    @Test
    void beyondTheBufferMemoryPacketsAreDroppedUntilBuffersComeBack() throws Exception {
        start(HoldLimits.of(32, 8, 65_535));
        int buffers = HoldLimits.BUFFER_BYTES / 65_535;
        tableA.addMissingSaListener(listener);
        for (int n = 1; n <= buffers; n++) {
            send(ULA_B, n);
        }
        send(ULA_C, 99);

        assertEquals(1, dropped(TunnelDrops.Reason.HOLD_FULL));
        tableA.install(pairWithB());
        assertEquals(0, tableA.hold().buffersInUse());
        send(ULA_C, 100);
        assertEquals(1, tableA.hold().buffersInUse(), "B's buffers went back to the pool");
        assertEquals(buffers, arrivedAtB().size());
    }

    @Test
    void aPacketLongerThanTheInterfaceCanPassIsNotHeld() throws Exception {
        tableA.addMissingSaListener(listener);
        byte[] jumbo = packet(ULA_B, 1, 1501);
        outA.send(jumbo, 0, jumbo.length);
        byte[] full = packet(ULA_B, 2, 1500);
        outA.send(full, 0, full.length);

        assertEquals(1, dropped(TunnelDrops.Reason.HOLD_TOO_BIG));
        tableA.install(pairWithB());
        assertEquals(List.of(2), arrivedAtB());
    }

    @Test
    void removingTheLastListenerDropsWhatIsHeldAndHoldsNoMore() throws Exception {
        MissingSaListener other = destination -> { };
        tableA.addMissingSaListener(listener);
        tableA.addMissingSaListener(other);
        send(ULA_B, 1, 2);
        tableA.removeMissingSaListener(listener);
        tableA.removeMissingSaListener(listener);
        assertEquals(2, tableA.hold().buffersInUse(), "another listener still keys on demand");

        tableA.removeMissingSaListener(other);
        send(ULA_B, 3);
        tableA.install(pairWithB());

        assertTrue(wire.isEmpty());
        assertEquals(2, dropped(TunnelDrops.Reason.HOLD_GIVEN_UP));
        assertEquals(1, dropped(TunnelDrops.Reason.NO_SA));
        assertEquals(0, tableA.hold().buffersInUse());
        assertEquals(1, logA.count(LogLevel.INFO, "Dropped 2 packets held for keying"));
    }

    @Test
    void stoppingDropsWhatIsHeldAndForgetsTheListeners() throws Exception {
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1);

        tableA.stopHolding();
        send(ULA_C, 2);

        assertEquals(1, dropped(TunnelDrops.Reason.HOLD_GIVEN_UP));
        assertEquals(1, dropped(TunnelDrops.Reason.NO_SA));
        assertEquals(0, tableA.hold().buffersInUse());
        assertEquals(List.of(ULA_B), told);
    }

    @Test
    void theStatusSaysWhatWaitsForWhomAndForHowLong() throws Exception {
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1, 2, 3);
        now.addAndGet(1_200_000_000L);
        send(ULA_C, 4);
        now.addAndGet(300_000_000L);

        assertEquals("""
                hold for keying: on (up to 32 packets per peer for 8 s, 64 peers, 512 KiB); 4 held, 0 sent once keyed
                  3 packets wait for keying with fd77:1e08:2f6c:d913:226:bbff:fe12:3456 (1.5 s)
                  1 packet waits for keying with fd77:1e08:2f6c:d913:226:bbff:fe12:c (0.3 s)
                """, tableA.holdStatus().text());
    }

    @Test
    void limitsOutOfRangeAreRefusedWithTheSettingNamed() {
        assertEquals("holdPacketsPerPeer must be 1..1024, got 0",
                assertThrows(IllegalArgumentException.class, () -> HoldLimits.of(0, 8, 1500)).getMessage());
        assertEquals("holdSeconds must be 1..120, got 121",
                assertThrows(IllegalArgumentException.class, () -> HoldLimits.of(32, 121, 1500)).getMessage());
        assertEquals(349, HoldLimits.DEFAULT.buffers(), "512 KiB of 1500-octet buffers");
        assertEquals(1280, HoldLimits.of(1, 1, 576).bufferLength(), "an IPv6 interface passes 1280 octets");
    }

    /**
     * The TUN reader sends a packet on the new pair while the installing thread has yet to send the held ones: it
     * sends them itself first (the installer waits on the outbound path's monitor, which the test holds).
     */
    @Test
    void aPacketOnTheNewPairBeforeTheInstallerSendsTheHeldOnesGoesAfterThem() throws Exception {
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1, 2, 3);
        Thread installer = new Thread(() -> tableA.install(pairWithB()), "installer");

        synchronized (outA) {
            installer.start();
            await(() -> installer.getState() == Thread.State.BLOCKED);
            assertNotNull(tableA.byPeer(ULA_B), "published before its held packets are sent");
            send(ULA_B, 4);
        }
        installer.join(5000);

        assertEquals(List.of(1, 2, 3, 4), arrivedAtB());
        assertEquals(List.of(1, 2, 3, 4), sequenceNumbers());
        assertTrue(wireThreads.stream().allMatch(t -> t == Thread.currentThread()), "the TUN reader sent all");
        assertNull(tableA.byPeer(ULA_B).held());
    }

    /**
     * The installing thread sends the held packets while the TUN reader sends a packet on the new pair: the reader
     * waits until they are all out.
     */
    @Test
    void aPacketOnTheNewPairWhileTheInstallerSendsTheHeldOnesWaitsForThem() throws Exception {
        tableA.addMissingSaListener(listener);
        send(ULA_B, 1, 2, 3);
        Thread reader = new Thread(() -> {
            try {
                send(ULA_B, 4);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "tun reader");
        onSend = () -> {
            if (wire.size() == 1) {
                reader.start();
                await(() -> reader.getState() == Thread.State.BLOCKED);
            }
        };

        tableA.install(pairWithB());
        reader.join(5000);

        assertEquals(List.of(1, 2, 3, 4), arrivedAtB());
        assertEquals(List.of(1, 2, 3, 4), sequenceNumbers());
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread(), Thread.currentThread(), reader),
                wireThreads);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5 * SECOND;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
