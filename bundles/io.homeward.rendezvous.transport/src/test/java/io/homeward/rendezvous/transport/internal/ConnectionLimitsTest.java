package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.testkit.MutableClock;

class ConnectionLimitsTest {
    private final List<String> evicted = new ArrayList<>();
    private final MutableClock clock = new MutableClock();

    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    private static InetAddress address(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
    }

    /** A slot attached to a holder that records its eviction under {@code name}. */
    private ConnectionLimits.Slot take(ConnectionLimits limits, InetAddress client, String name) {
        ConnectionLimits.Slot slot = limits.tryAcquire(client).orElseThrow(() -> new AssertionError(name + " refused"));
        assertTrue(slot.attach(reason -> evicted.add(name)));
        return slot;
    }

    /** A slot of a connection that has completed a message, so it is never evicted. */
    private static Optional<ConnectionLimits.Slot> talking(ConnectionLimits limits, InetAddress client) {
        Optional<ConnectionLimits.Slot> slot = limits.tryAcquire(client);
        slot.ifPresent(ConnectionLimits.Slot::completedMessage);
        return slot;
    }

    @Test
    void limitsEachClientAndTheTotal() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(2, 64, 3, 3, clock);
        Optional<ConnectionLimits.Slot> first = talking(limits, address(1));
        assertTrue(first.isPresent());
        assertTrue(talking(limits, address(1)).isPresent());
        assertFalse(talking(limits, address(1)).isPresent(), "third from one client");
        assertTrue(talking(limits, address(2)).isPresent());
        assertFalse(talking(limits, address(3)).isPresent(), "fourth in total");
        first.get().release();
        assertTrue(talking(limits, address(3)).isPresent());
        assertFalse(talking(limits, address(4)).isPresent(), "the released slot is taken again");
        first.get().release();
        assertFalse(talking(limits, address(4)).isPresent(), "releasing a slot twice frees nothing");
    }

    @Test
    void limitsEachIpv4Slash24AndIpv6Slash56() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(16, 2, 100, 100, clock);
        assertTrue(limits.tryAcquire(address("192.0.2.1")).isPresent());
        assertTrue(limits.tryAcquire(address("192.0.2.200")).isPresent());
        assertFalse(limits.tryAcquire(address("192.0.2.77")).isPresent(), "a third address of the same /24");
        assertTrue(limits.tryAcquire(address("192.0.3.1")).isPresent(), "the next /24 is another network");
        assertTrue(limits.tryAcquire(address("2001:db8:0:1::1")).isPresent());
        assertTrue(limits.tryAcquire(address("2001:db8:0:ff::2")).isPresent());
        assertFalse(limits.tryAcquire(address("2001:db8:0:7f:1:2:3:4")).isPresent(), "a third address of the same /56");
        assertTrue(limits.tryAcquire(address("2001:db8:0:100::1")).isPresent(), "the next /56 is another network");
    }

    @Test
    void networksAreTheAddressCutToItsPrefix() throws Exception {
        assertEquals(address("198.51.100.0"), ConnectionLimits.network(address("198.51.100.99")));
        assertEquals(address("2001:db8:aa:bb00::"), ConnectionLimits.network(address("2001:db8:aa:bbcc:1::9")));
    }

    @Test
    void aNewcomerEvictsTheOldestUnauthenticatedConnectionWithoutACompleteMessage() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(16, 64, 4, 3, clock);
        ConnectionLimits.Slot talking = take(limits, address(1), "talking");
        talking.completedMessage();
        take(limits, address(2), "slow-1");
        take(limits, address(3), "slow-2");
        take(limits, address(4), "newcomer");
        assertEquals(List.of("slow-1"), evicted, "three unauthenticated slots: the oldest slow sender makes room");
        take(limits, address(5), "second newcomer");
        assertEquals(List.of("slow-1", "slow-2"), evicted);
    }

    @Test
    void authenticatedConnectionsKeepTheirShareAndAreNeverEvicted() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(16, 64, 4, 3, clock);
        take(limits, address(1), "agent-1").authenticated();
        take(limits, address(2), "agent-2").authenticated();
        take(limits, address(3), "slow-1");
        take(limits, address(4), "slow-2");
        take(limits, address(5), "newcomer");
        assertEquals(List.of("slow-1"), evicted, "all four slots used: an unauthenticated one makes room");
        evicted.clear();
        ConnectionLimits full = new ConnectionLimits(16, 64, 4, 3, clock);
        take(full, address(1), "a").completedMessage();
        take(full, address(2), "b").completedMessage();
        take(full, address(3), "c").completedMessage();
        assertFalse(full.tryAcquire(address(4)).isPresent(),
                "the unauthenticated share is used up by clients that talk DNS: nobody to evict");
        assertTrue(evicted.isEmpty());
    }

    @Test
    void anEvictedSlotIsFreedOnceAndItsLateReleaseFreesNothing() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(16, 64, 2, 2, clock);
        ConnectionLimits.Slot slow = take(limits, address(1), "slow");
        take(limits, address(2), "other").completedMessage();
        ConnectionLimits.Slot newcomer = take(limits, address(3), "newcomer");
        assertEquals(List.of("slow"), evicted);
        slow.release();
        newcomer.completedMessage();
        assertFalse(limits.tryAcquire(address(4)).isPresent(), "the evicted slot's release did not free another");
        slow.authenticated();
        assertFalse(limits.tryAcquire(address(4)).isPresent(), "a released slot cannot be authenticated");
    }

    @Test
    void aSlotEvictedBeforeItsConnectionAttachesSaysSo() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(16, 64, 1, 1, clock);
        ConnectionLimits.Slot early = limits.tryAcquire(address(1)).orElseThrow();
        assertTrue(limits.tryAcquire(address(2)).isPresent());
        assertFalse(early.attach(reason -> evicted.add("early")), "the connection must close itself");
    }

    @Test
    void aClientAtItsLimitTakesTheSlotOfItsLongestQuietConnection() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(3, 64, 100, 100, clock);
        take(limits, address(1), "left behind").authenticated();
        clock.advance(Duration.ofSeconds(1));
        take(limits, address(1), "left behind later").authenticated();
        ConnectionLimits.Slot live = take(limits, address(1), "live");
        live.authenticated();
        clock.advance(ConnectionLimits.QUIET_BEFORE_EVICTION);
        live.heard(clock.millis());
        take(limits, address(1), "back again");
        assertEquals(List.of("left behind"), evicted, "the host that came back gets the slot of its oldest silence");
        take(limits, address(1), "back again too");
        assertEquals(List.of("left behind", "left behind later"), evicted);
        assertFalse(limits.tryAcquire(address(1)).isPresent(), "connections heard within the quiet time stay");
        assertTrue(talking(limits, address(2)).isPresent(), "other clients are not touched");
    }

    @Test
    void aNetworkAtItsLimitTakesTheSlotOfItsLongestQuietConnectionOnly() throws Exception {
        ConnectionLimits limits = new ConnectionLimits(16, 2, 100, 100, clock);
        take(limits, address("192.0.2.1"), "café, before the move").authenticated();
        take(limits, address("198.51.100.1"), "elsewhere").authenticated();
        clock.advance(ConnectionLimits.QUIET_BEFORE_EVICTION);
        take(limits, address("192.0.2.2"), "train").authenticated();
        take(limits, address("192.0.2.3"), "café again");
        assertEquals(List.of("café, before the move"), evicted);
        assertFalse(limits.tryAcquire(address("192.0.2.4")).isPresent(), "the network's connections were just heard");
    }
}
