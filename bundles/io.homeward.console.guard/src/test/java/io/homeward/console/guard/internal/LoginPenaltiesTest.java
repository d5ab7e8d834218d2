package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.testkit.MutableClock;

class LoginPenaltiesTest {
    private static final String ADDRESS = "192.0.2.7";
    private final MutableClock clock = new MutableClock();
    private final LoginPenalties penalties = new LoginPenalties(
            new LoginPenalties.Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15)), clock);

    @Test
    void theFirstFailuresAreFree() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, penalties.failed(ADDRESS));
            assertEquals(Optional.empty(), penalties.remaining(ADDRESS));
        }
    }

    @Test
    void eachFurtherFailureDoublesThePenaltyUpToTheLongest() {
        for (int i = 0; i < 3; i++) {
            penalties.failed(ADDRESS);
        }
        List<Long> seconds = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            seconds.add(penalties.failed(ADDRESS).toSeconds());
            clock.advance(penalties.remaining(ADDRESS).orElseThrow());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), seconds);
    }

    @Test
    void anAddressWaitsOutItsPenaltyAndOnlyItsOwn() {
        for (int i = 0; i < 5; i++) {
            penalties.failed(ADDRESS);
        }
        assertEquals(Optional.of(Duration.ofSeconds(2)), penalties.remaining(ADDRESS));
        assertEquals(Optional.empty(), penalties.remaining("192.0.2.8"));
        clock.advance(Duration.ofMillis(1500));
        assertEquals(Optional.of(Duration.ofMillis(500)), penalties.remaining(ADDRESS));
        assertEquals(List.of(new LoginPenalties.Penalised(ADDRESS, 5, Duration.ofMillis(500))), penalties.penalised());
        clock.advance(Duration.ofMillis(500));
        assertEquals(Optional.empty(), penalties.remaining(ADDRESS));
        assertEquals(List.of(), penalties.penalised());
    }

    @Test
    void aSuccessClearsTheAddress() {
        for (int i = 0; i < 4; i++) {
            penalties.failed(ADDRESS);
        }
        clock.advance(Duration.ofSeconds(1));
        penalties.succeeded(ADDRESS);
        assertEquals(Duration.ZERO, penalties.failed(ADDRESS), "counting starts again");
    }

    @Test
    void failuresAreForgottenAfterAQuietWhile() {
        for (int i = 0; i < 4; i++) {
            penalties.failed(ADDRESS);
        }
        clock.advance(Duration.ofMinutes(16));
        assertEquals(Duration.ZERO, penalties.failed(ADDRESS));
    }

    @Test
    void theNumberOfAddressesKeptIsBounded() {
        for (int i = 0; i < LoginPenalties.TRACKED + 10; i++) {
            penalties.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        for (int i = 0; i < 3; i++) {
            penalties.failed("10.0.0.0");
        }
        assertEquals(Optional.empty(), penalties.remaining("10.0.0.0"), "the oldest address was dropped, so it starts again");
    }
}
