package io.homeward.tunnelport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.kit.stun.StunBinding;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;

class ReflexiveDiscoveryTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("11.0.0.10", 3478);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<byte[]> sent = new ArrayList<>();
    private final List<Optional<InetSocketAddress>> told = new ArrayList<>();
    private int ids;
    private final ReflexiveDiscovery discovery = new ReflexiveDiscovery(scheduler, clock, () -> {
        byte[] id = new byte[StunBinding.TRANSACTION_ID_LENGTH];
        id[0] = (byte) ++ids;
        return id;
    }, (request, server) -> sent.add(request), Optional.of(SERVER), Duration.ofSeconds(60), told::add);

    @Test
    void theAnswerToTheRequestInFlightSetsTheEndpointAndTellsListenersOnce() {
        discovery.ask();
        byte[] answer = answer(sent.get(0), "11.0.0.3", 4500);
        assertTrue(discovery.response(answer, 0, answer.length));
        assertEquals(Optional.of(new InetSocketAddress("11.0.0.3", 4500)), discovery.endpoint());
        assertEquals(List.of(Optional.of(new InetSocketAddress("11.0.0.3", 4500))), told);

        scheduler.advance(Duration.ofSeconds(60));
        byte[] same = answer(sent.get(1), "11.0.0.3", 4500);
        assertTrue(discovery.response(same, 0, same.length));
        assertEquals(1, told.size(), "an unchanged endpoint is not announced again");
    }

    @Test
    void requestsAreRetransmittedWithDoublingWaitsThenTheEndpointIsDeclaredUnknown() {
        discovery.ask();
        byte[] first = answer(sent.get(0), "11.0.0.3", 4500);
        discovery.response(first, 0, first.length);
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(2, sent.size());
        scheduler.advance(Duration.ofMillis(250 + 500 + 1000 + 2000));
        assertEquals(6, sent.size(), "the request and four retransmissions");
        assertEquals(Optional.of(new InetSocketAddress("11.0.0.3", 4500)), discovery.endpoint());
        scheduler.advance(Duration.ofMillis(4000));
        assertEquals(Optional.empty(), discovery.endpoint());
        assertTrue(discovery.state().startsWith("no answer from 11.0.0.10:3478"), discovery.state());
    }

    @Test
    void aNewRoundMakesTheAnswerToTheOldOneWorthless() {
        discovery.ask();
        discovery.ask();
        byte[] stale = answer(sent.get(0), "10.10.0.10", 4500);
        assertFalse(discovery.response(stale, 0, stale.length));
        byte[] fresh = answer(sent.get(1), "11.0.0.5", 4500);
        assertTrue(discovery.response(fresh, 0, fresh.length));
        assertEquals(Optional.of(new InetSocketAddress("11.0.0.5", 4500)), discovery.endpoint());
    }

    @Test
    void withoutAServerNothingIsAsked() {
        ReflexiveDiscovery none = new ReflexiveDiscovery(scheduler, clock, () -> new byte[12],
                (request, server) -> sent.add(request), Optional.empty(), Duration.ofSeconds(60), told::add);
        none.ask();
        assertTrue(sent.isEmpty());
        assertEquals("no STUN server configured", none.state());
    }

    private static byte[] answer(byte[] request, String address, int port) {
        byte[] id = StunBinding.requestTransactionId(request, 0, request.length);
        return StunBinding.success(id, new InetSocketAddress(address, port));
    }
}
