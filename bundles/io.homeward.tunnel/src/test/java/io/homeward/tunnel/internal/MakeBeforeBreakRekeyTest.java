package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static io.homeward.tunnel.internal.Suites.CHACHA20;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;
import io.homeward.testkit.RecordingLogger;

/**
 * A Child SA rekeyed make-before-break (RFC 7296 §2.8) while both hosts keep sending: host A initiates, host B
 * responds. Packets are in flight on the old pair and the new one in both directions at once, they arrive out of
 * order across the two, and not one is lost or dropped.
 */
class MakeBeforeBreakRekeyTest {
    private static final Inet6Address ULA_A = address("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c");
    private static final Inet6Address ULA_B = address("fd77:1e08:2f6c:d913:226:bbff:fe12:3456");
    private static final InetSocketAddress OUTER_A = new InetSocketAddress("198.51.100.20", 4500);
    private static final InetSocketAddress OUTER_B = new InetSocketAddress("203.0.113.7", 4500);
    private static final Map<String, CryptoSuite> SUITES = Map.of(AES_GCM.name(), AES_GCM, CHACHA20.name(), CHACHA20);

    private final Host a = new Host(ULA_A, 1);
    private final Host b = new Host(ULA_B, 2);

    /** One host's table and paths; what it sends waits on {@link #inFlight} until the test delivers it. */
    private static final class Host {
        final Inet6Address ula;
        final SaTable table;
        final Deque<byte[]> inFlight = new ArrayDeque<>();
        final List<byte[]> delivered = new ArrayList<>();
        final OutboundPath out;
        final InboundPath in;

        Host(Inet6Address ula, long seed) {
            this.ula = ula;
            this.table = new SaTable(SUITES::get, () -> AES_GCM, () -> 0, new SplittableRandom(seed),
                    HoldLimits.DEFAULT, new RecordingLogger().logger());
            this.out = new OutboundPath(table, (buf, off, len, to) -> inFlight.add(Arrays.copyOfRange(buf, off,
                    off + len)), () -> 0);
            this.in = new InboundPath(table, (buf, off, len) -> delivered.add(Arrays.copyOfRange(buf, off,
                    off + len)), ula);
        }

        /** Sends inner packets numbered {@code from} to {@code to} to the peer. */
        void send(Host peer, int from, int to) throws Exception {
            for (int n = from; n <= to; n++) {
                byte[] packet = packet(ula, peer.ula, n);
                out.send(packet, 0, packet.length);
            }
        }

        /** The SPI of the oldest packet in flight, the one {@link #deliverOldest} hands over next. */
        int oldestSpi() {
            return Bytes.getInt(inFlight.peekFirst(), 0);
        }

        void deliverOldest(Host peer, InetSocketAddress from) throws Exception {
            byte[] esp = inFlight.removeFirst();
            peer.in.receive(esp, 0, esp.length, from);
        }

        void deliverNewest(Host peer, InetSocketAddress from) throws Exception {
            byte[] esp = inFlight.removeLast();
            peer.in.receive(esp, 0, esp.length, from);
        }

        void deliverAll(Host peer, InetSocketAddress from) throws Exception {
            while (!inFlight.isEmpty()) {
                deliverOldest(peer, from);
            }
        }

        long drops() {
            return table.list().stream().flatMap(s -> s.drops().values().stream()).mapToLong(Long::longValue).sum()
                    + table.drops().byReason().values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void keyPair(Host initiator, Host responder, int initiatorSpi, int responderSpi, String suite,
            int fill, boolean rekey) {
        CryptoSuite keyed = SUITES.get(suite);
        byte[] toResponder = Suites.key(keyed, fill);
        byte[] toInitiator = Suites.key(keyed, fill + 1);
        SaSpec atInitiator = new SaSpec(responder.ula, initiatorSpi, responderSpi, suite, toInitiator, toResponder,
                OUTER_B, true, 64);
        SaSpec atResponder = new SaSpec(initiator.ula, responderSpi, initiatorSpi, suite, toResponder, toInitiator,
                OUTER_A, true, 64);
        if (rekey) {
            // The responder installs the new pair when it sends its CREATE_CHILD_SA response; the initiator when the
            // response arrives, and only then knows both ends hold the keys.
            responder.table.add(atResponder, Sending.AFTER_FIRST_INBOUND);
            initiator.table.add(atInitiator, Sending.NOW);
        } else {
            initiator.table.install(atInitiator);
            responder.table.install(atResponder);
        }
    }

    @Test
    void packetsInFlightOnTheOldAndTheNewPairBothWaysAllArrive() throws Exception {
        int oldA = a.table.reserveSpi();
        int oldB = b.table.reserveSpi();
        keyPair(a, b, oldA, oldB, "aes-gcm-16", 0x11, false);
        a.send(b, 1, 5);
        b.send(a, 1, 5);

        // The rekey, to another suite, while packets 1..5 are in flight both ways.
        int newA = a.table.reserveSpi();
        int newB = b.table.reserveSpi();
        b.table.add(new SaSpec(ULA_A, newB, newA, "chacha20-poly1305", Suites.key(CHACHA20, 0x33),
                Suites.key(CHACHA20, 0x34), OUTER_A, true, 64), Sending.AFTER_FIRST_INBOUND);
        b.send(a, 6, 8);
        a.table.add(new SaSpec(ULA_B, newA, newB, "chacha20-poly1305", Suites.key(CHACHA20, 0x34),
                Suites.key(CHACHA20, 0x33), OUTER_B, true, 64), Sending.NOW);
        a.send(b, 6, 10);
        assertEquals(List.of(0, 0), List.of(a.table.reservedSpis(), b.table.reservedSpis()));

        // A's first packet on the new pair overtakes its older ones: B now sends on the new pair too.
        assertEquals(oldB, b.table.byPeer(ULA_A).inboundSpi());
        a.deliverNewest(b, OUTER_A);
        assertEquals(newB, b.table.byPeer(ULA_A).inboundSpi());
        b.send(a, 9, 12);
        // The old pair's packets still in flight arrive after, both ways, interleaved with the new pair's.
        while (!a.inFlight.isEmpty() || !b.inFlight.isEmpty()) {
            if (!a.inFlight.isEmpty()) {
                a.deliverOldest(b, OUTER_A);
            }
            if (!b.inFlight.isEmpty()) {
                b.deliverOldest(a, OUTER_B);
            }
        }
        // Once the old pair is quiet, each end deletes it (RFC 7296 §2.8: the initiator's Delete, the response).
        assertEquals(List.of(0L, 0L), List.of(a.drops(), b.drops()));
        a.table.remove(ULA_B, oldA);
        b.table.remove(ULA_A, oldB);
        a.send(b, 11, 12);
        b.send(a, 13, 14);
        a.deliverAll(b, OUTER_A);
        b.deliverAll(a, OUTER_B);

        assertEquals(List.of(0L, 0L), List.of(a.drops(), b.drops()));
        assertArrived(b, a, 12);
        assertArrived(a, b, 14);
        assertEquals(List.of(newA, newB), List.of(a.table.list().get(0).inboundSpi(),
                b.table.list().get(0).inboundSpi()));
        assertEquals(List.of(1, 1), List.of(a.table.list().size(), b.table.list().size()));
    }

    @Test
    void theOldPairCarriesTheResponderUntilTheInitiatorUsesTheNewOne() throws Exception {
        keyPair(a, b, 0xA000_0001, 0xB000_0001, "aes-gcm-16", 0x11, false);
        keyPair(a, b, 0xA000_0002, 0xB000_0002, "aes-gcm-16", 0x21, true);

        b.send(a, 1, 1);
        assertEquals(0xA000_0001, b.oldestSpi(), "the responder still sends on the old pair");
        b.deliverAll(a, OUTER_B);
        a.send(b, 1, 1);
        assertEquals(0xB000_0002, a.oldestSpi(), "the initiator sends on the new pair at once");
        a.deliverAll(b, OUTER_A);
        b.send(a, 2, 2);
        assertEquals(0xA000_0002, b.oldestSpi(), "the responder follows once the new pair carried a packet");
        b.deliverAll(a, OUTER_B);

        assertArrived(a, b, 2);
        assertArrived(b, a, 1);
        assertEquals(List.of(0L, 0L), List.of(a.drops(), b.drops()));
    }

    /** The receiver got packets 1..{@code count} from the sender, each intact, in any order. */
    private static void assertArrived(Host receiver, Host sender, int count) {
        assertEquals(count, receiver.delivered.size());
        List<byte[]> sorted = new ArrayList<>(receiver.delivered);
        sorted.sort((x, y) -> Integer.compare(x[x.length - 1], y[y.length - 1]));
        for (int n = 1; n <= count; n++) {
            assertArrayEquals(packet(sender.ula, receiver.ula, n), sorted.get(n - 1), "packet " + n);
        }
    }

    /** An IPv6 packet with no next header whose last payload octet is its number. */
    private static byte[] packet(Inet6Address from, Inet6Address to, int number) {
        byte[] p = new byte[48];
        p[0] = 0x60;
        p[5] = 8;
        p[6] = 59;
        p[7] = 64;
        System.arraycopy(from.getAddress(), 0, p, 8, 16);
        System.arraycopy(to.getAddress(), 0, p, 24, 16);
        p[47] = (byte) number;
        return p;
    }

    private static Inet6Address address(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
