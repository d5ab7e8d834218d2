package io.homeward.rendezvous.dns.internal.request;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;
import io.homeward.kit.net.RateLimiter;
import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.testkit.MutableClock;

class RateLimiterTest {
    @TempDir
    Path dir;

    @Test
    void allowsTheBurstThenTheRate() throws IOException {
        MutableClock clock = new MutableClock(ServerFixture.START);
        RateLimiter<InetAddress> limiter = new RateLimiter<>(2, 3, 100, clock);
        InetAddress client = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow(client), "burst " + i);
        }
        assertFalse(limiter.allow(client));
        assertTrue(limiter.allow(InetAddress.getByName("192.0.2.2")), "other clients have their own bucket");
        clock.advance(Duration.ofMillis(500));
        assertTrue(limiter.allow(client), "one token back after half a second at 2/s");
        assertFalse(limiter.allow(client));
    }

    @Test
    void memoryStaysBounded() throws IOException {
        MutableClock clock = new MutableClock(ServerFixture.START);
        RateLimiter<InetAddress> limiter = new RateLimiter<>(1, 2, 50, clock);
        for (int i = 0; i < 1000; i++) {
            limiter.allow(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}));
        }
        assertTrue(limiter.size() <= 50, "at most 50 buckets, found " + limiter.size());
    }

    @Test
    void idleBucketsGoBeforeBusyOnes() throws IOException {
        MutableClock clock = new MutableClock(ServerFixture.START);
        RateLimiter<InetAddress> limiter = new RateLimiter<>(1, 10, 3, clock);
        InetAddress busy = InetAddress.getByName("192.0.2.9");
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.allow(busy));
        }
        limiter.allow(InetAddress.getByName("192.0.2.10"));
        limiter.allow(InetAddress.getByName("192.0.2.11"));
        clock.advance(Duration.ofSeconds(1));
        limiter.allow(InetAddress.getByName("192.0.2.12"));
        assertTrue(limiter.allow(busy), "one token refilled");
        assertFalse(limiter.allow(busy), "the busy, oldest bucket was kept rather than reset to a full one");
    }

    @Test
    void theServerRefusesUpdatesOverTheLimit() throws IOException {
        try (ServerFixture f = new ServerFixture(dir, ServerFixture.settings(100_000, 1, 2, List.of()))) {
            TSIG key = f.clientKey(ALICE, TSIG.HMAC_SHA256);
            int[] rcodes = new int[3];
            for (int i = 0; i < rcodes.length; i++) {
                Update update = new Update(ALICE);
                update.add(rr("h" + i, Type.A, "203.0.113.1"));
                key.apply(update, null);
                rcodes[i] = f.send(update, DnsTransport.UDP).getRcode();
            }
            assertEquals(List.of(Rcode.NOERROR, Rcode.NOERROR, Rcode.REFUSED),
                    List.of(rcodes[0], rcodes[1], rcodes[2]));
            assertEquals(Rcode.NOERROR, f.query(ALICE, Type.SOA).getRcode(), "queries are not limited");
        }
    }
}
