package io.homeward.kerberos.internal.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.kerberos.internal.replay.ReplayCache.Admission;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class ReplayCacheTest {
    private static final String CLIENT = "alice@HOME.ALICE.MEMBERS.EXAMPLE";
    private static final String SERVER = "HTTP/home.alice.members.example@HOME.ALICE.MEMBERS.EXAMPLE";
    private static final Duration SKEW = ReplayCache.DEFAULT_SKEW;

    private final MutableClock clock = new MutableClock();
    private final RecordingLogger log = new RecordingLogger();

    private ReplayKey key(Instant ctime, int cusec, int cipher) {
        return ReplayKey.of(CLIENT, SERVER, ctime, cusec, new byte[] {(byte) cipher, 1, 2, 3});
    }

    @Test
    void admitsAnAuthenticatorOnceWithinTheWindow() {
        ReplayCache cache = new ReplayCache(clock, SKEW, 10, log.logger());
        ReplayKey key = key(clock.instant(), 5, 1);
        assertEquals(Admission.ADMITTED, cache.admit(key));
        assertEquals(Admission.REPLAYED, cache.admit(key(clock.instant(), 5, 1)));
        clock.advance(SKEW);
        assertEquals(Admission.REPLAYED, cache.admit(key), "still within the skew of its ctime");
    }

    @Test
    void tellsApartWhatDiffersInAnyField() {
        ReplayCache cache = new ReplayCache(clock, SKEW, 10, log.logger());
        Instant now = clock.instant();
        assertEquals(Admission.ADMITTED, cache.admit(key(now, 5, 1)));
        assertEquals(Admission.ADMITTED, cache.admit(key(now, 6, 1)));
        assertEquals(Admission.ADMITTED, cache.admit(key(now, 5, 2)));
        assertEquals(Admission.ADMITTED, cache.admit(key(now.minusSeconds(1), 5, 1)));
        assertEquals(Admission.ADMITTED, cache.admit(ReplayKey.of("bob@R", SERVER, now, 5, new byte[] {1, 1, 2, 3})));
        assertEquals(Admission.ADMITTED,
                cache.admit(ReplayKey.of(CLIENT, "host/h@R", now, 5, new byte[] {1, 1, 2, 3})));
        assertNotEquals(ReplayKey.of("ab", "c", now, 0, new byte[0]), ReplayKey.of("a", "bc", now, 0, new byte[0]));
        assertEquals(6, cache.size());
    }

    @Test
    void refusesWhatIsOutsideTheSkewWithoutRememberingIt() {
        ReplayCache cache = new ReplayCache(clock, SKEW, 10, log.logger());
        Instant now = clock.instant();
        assertEquals(Admission.OUTSIDE_SKEW, cache.admit(key(now.minus(SKEW).minusSeconds(1), 0, 1)));
        assertEquals(Admission.OUTSIDE_SKEW, cache.admit(key(now.plus(SKEW).plusSeconds(1), 0, 1)));
        assertEquals(Admission.OUTSIDE_SKEW, cache.admit(key(now.minus(SKEW).minusSeconds(1), Integer.MAX_VALUE, 1)),
                "a cusec out of its range does not move the ctime");
        assertEquals(Admission.ADMITTED, cache.admit(key(now.plus(SKEW), 0, 1)));
        assertEquals(1, cache.size());
    }

    @Test
    void forgetsAnAuthenticatorOnceItsReplayFailsTheSkewCheck() {
        ReplayCache cache = new ReplayCache(clock, SKEW, 10, log.logger());
        ReplayKey early = key(clock.instant().minusSeconds(100), 0, 1);
        ReplayKey future = key(clock.instant().plusSeconds(100), 0, 2);
        cache.admit(early);
        cache.admit(future);
        clock.advance(Duration.ofSeconds(201));
        assertEquals(1, cache.size(), "the early one is past its ctime plus the skew");
        assertEquals(Admission.OUTSIDE_SKEW, cache.admit(early));
        assertEquals(Admission.REPLAYED, cache.admit(future));
        clock.advance(Duration.ofSeconds(200));
        assertEquals(0, cache.size());
    }

    @Test
    void whenFullRefusesNewAuthenticatorsRatherThanForgetLiveOnesAndSaysSoOncePerWindow() {
        ReplayCache cache = new ReplayCache(clock, SKEW, 3, log.logger());
        Instant start = clock.instant();
        for (int i = 0; i < 3; i++) {
            assertEquals(Admission.ADMITTED, cache.admit(key(start, i, 1)));
        }
        assertEquals(Admission.FULL, cache.admit(key(start, 3, 1)));
        assertEquals(Admission.FULL, cache.admit(key(start, 4, 1)));
        assertEquals(Admission.REPLAYED, cache.admit(key(start, 0, 1)), "the live ones are still remembered");
        assertEquals(2, cache.refusedFull());
        assertEquals(1, log.count(LogLevel.WARN, "refusing new ones rather than forgetting live ones"));

        clock.advance(SKEW.plusSeconds(1));
        assertEquals(Admission.ADMITTED, cache.admit(key(clock.instant(), 0, 1)), "room again once they expired");
    }

    @Test
    void remembersThousandsASecondInBoundedMemory() {
        ReplayCache cache = new ReplayCache(clock, SKEW, ReplayCache.DEFAULT_CAPACITY, log.logger());
        int perSecond = 3000;
        int seconds = 5;
        for (int second = 0; second < seconds; second++) {
            for (int i = 0; i < perSecond; i++) {
                assertEquals(Admission.ADMITTED, cache.admit(key(clock.instant(), i, second)));
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(perSecond * seconds, cache.size());
        Instant start = clock.instant().minusSeconds(seconds);
        for (int i = 0; i < perSecond; i += 7) {
            assertEquals(Admission.REPLAYED, cache.admit(key(start, i, 0)));
            assertEquals(Admission.ADMITTED, cache.admit(key(start, i, seconds)), "another authenticator");
        }
        long octets = cache.octets();
        assertTrue(octets <= (long) ReplayCache.MAX_OCTETS_PER_AUTHENTICATOR * cache.size(),
                octets + " octets for " + cache.size() + " authenticators");

        clock.advance(SKEW);
        assertEquals(0, cache.size());
        assertEquals(0, cache.octets(), "a second's memory goes with it");
    }

    @Test
    void forgetsWhatAClockThatWentBackPutThereOnceTheWindowPassesIt() {
        ReplayCache cache = new ReplayCache(clock, SKEW, 10, log.logger());
        cache.admit(key(clock.instant(), 0, 1));
        clock.advance(Duration.ofHours(1));
        cache.admit(key(clock.instant(), 0, 2));
        clock.advance(Duration.ofHours(-1).minusSeconds(1));
        assertEquals(Admission.ADMITTED, cache.admit(key(clock.instant(), 0, 3)));
        assertEquals(Admission.REPLAYED, cache.admit(key(clock.instant(), 0, 3)));
        clock.advance(Duration.ofHours(2));
        assertEquals(0, cache.size());
        assertEquals(Admission.ADMITTED, cache.admit(key(clock.instant(), 0, 3)));
    }

    @Test
    void refusesNonsenseBounds() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayCache(clock, Duration.ZERO, 10, log.logger()));
        assertThrows(IllegalArgumentException.class, () -> new ReplayCache(clock, SKEW, 0, log.logger()));
    }
}
