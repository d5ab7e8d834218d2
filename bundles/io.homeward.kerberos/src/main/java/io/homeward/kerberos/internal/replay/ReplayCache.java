package io.homeward.kerberos.internal.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.osgi.service.log.Logger;

/**
 * Remembers the authenticators seen within the clock skew window (RFC 4120 §3.2.3, §10) and refuses any seen before.
 * An authenticator is remembered until its ctime plus the skew: after that, a replay of it fails the skew check, so it
 * need not be remembered. They are kept by ctime second, one {@link SecondOfAuthenticators} for each second the window
 * spans, used round: a replay has the ctime of the original, so it is looked for in one second's set only, and a
 * second's set is dropped whole once it leaves the window. Memory is bounded by the capacity: at most
 * {@value #MAX_OCTETS_PER_AUTHENTICATOR} octets an authenticator plus 64 for each second that has any
 * (docs/kerberos.md "Replay cache"); when the cache
 * holds that many authenticators, all still within the window, a new one is refused ({@link Admission#FULL}) rather
 * than a live one forgotten, which would let its replay through; that is logged once per skew window, with how many
 * were refused.
 */
public final class ReplayCache {
    /** RFC 4120 §10's customary clock skew, MIT's {@code clockskew} default. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(300);
    /**
     * 3,000 authenticators a second sustained: a second's authenticators stay for the skew after it, so 301 seconds'
     * worth at the default skew. Measured at that rate 22 octets an authenticator (about 20 MB), at most 43 (39 MB).
     */
    public static final int DEFAULT_CAPACITY = 910_000;
    /**
     * The most a remembered authenticator costs in a second that has more than three: a 16-octet slot in a table
     * more than three eighths full, so 16 / (3/8), rounded up.
     */
    static final int MAX_OCTETS_PER_AUTHENTICATOR = 43;

    /** What {@link #admit} decided. */
    public enum Admission {
        /** Not seen before and now remembered: go on. */
        ADMITTED,
        /** Seen before within the window: KRB_AP_ERR_REPEAT (34). */
        REPLAYED,
        /** Its ctime is further from now than the skew: KRB_AP_ERR_SKEW (37). */
        OUTSIDE_SKEW,
        /** The cache is full of live authenticators: refused, KDC_ERR_SVC_UNAVAILABLE (29). */
        FULL
    }

    private final Clock clock;
    private final Duration skew;
    private final int capacity;
    private final Logger log;
    /** Indexed by ctime second modulo its length, which is more seconds than the window [now - skew, now + skew]. */
    private final SecondOfAuthenticators[] seconds;
    private int size;
    /** Every second before this one has been dropped from {@link #seconds}. */
    private long firstKept = Long.MIN_VALUE;
    private long refusedFull;
    private Instant warnedFullAt;

    public ReplayCache(Clock clock, Duration skew, int capacity, Logger log) {
        if (skew.isNegative() || skew.isZero()) {
            throw new IllegalArgumentException("the clock skew must be above 0, not " + skew);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "the replay cache must hold at least one authenticator, not " + capacity);
        }
        this.clock = clock;
        this.skew = skew;
        this.capacity = capacity;
        this.log = log;
        this.seconds = new SecondOfAuthenticators[Math.toIntExact(2 * skew.toSeconds() + 3)];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = new SecondOfAuthenticators(Long.MIN_VALUE);
        }
    }

    /** Checks the authenticator against the window and the ones seen, and remembers it when admitted. */
    public synchronized Admission admit(ReplayKey key) {
        Instant now = clock.instant();
        if (Duration.between(key.ctime(), now).abs().compareTo(skew) > 0) {
            return Admission.OUTSIDE_SKEW;
        }
        forgetExpired(now);
        long second = key.ctime().getEpochSecond();
        SecondOfAuthenticators authenticators = seconds[index(second)];
        if (authenticators.second() != second) {
            // It holds a second that left the window (the slot's seconds are the length of the array apart).
            size -= authenticators.reuseFor(second);
        }
        if (authenticators.contains(key)) {
            return Admission.REPLAYED;
        }
        if (size >= capacity) {
            refusedFull++;
            warnFull(now);
            return Admission.FULL;
        }
        authenticators.add(key);
        size++;
        return Admission.ADMITTED;
    }

    /** How many authenticators are remembered now. */
    public synchronized int size() {
        forgetExpired(clock.instant());
        return size;
    }

    /** How many authenticators were refused because the cache was full, since it was made. */
    public synchronized long refusedFull() {
        return refusedFull;
    }

    /** Octets the remembered authenticators take now. */
    synchronized long octets() {
        long octets = 0;
        for (SecondOfAuthenticators authenticators : seconds) {
            octets += authenticators.slotOctets();
        }
        return octets;
    }

    /**
     * Drops the seconds whose authenticators are past their ctime plus the skew: each slot once as the window moves
     * past it, which also drops a second a clock that went back had put there.
     */
    private void forgetExpired(Instant now) {
        Instant oldestLive = now.minus(skew);
        long firstLive = oldestLive.getEpochSecond() + (oldestLive.getNano() == 0 ? 0 : 1);
        if (firstLive <= firstKept) {
            return;
        }
        long from = Math.max(firstKept, firstLive - seconds.length);
        for (long second = from; second < firstLive; second++) {
            SecondOfAuthenticators authenticators = seconds[index(second)];
            if (authenticators.second() < firstLive) {
                size -= authenticators.reuseFor(Long.MIN_VALUE);
            }
        }
        firstKept = firstLive;
    }

    private int index(long second) {
        return (int) Math.floorMod(second, (long) seconds.length);
    }

    private void warnFull(Instant now) {
        if (warnedFullAt != null && now.isBefore(warnedFullAt.plus(skew))) {
            return;
        }
        warnedFullAt = now;
        log.warn("The replay cache holds {} authenticators, all within the {} s clock skew: refusing new ones rather"
                + " than forgetting live ones ({} refused so far; the oldest is forgotten at {})", size,
                skew.toSeconds(), refusedFull, oldest().plus(skew));
    }

    /** The earliest ctime remembered; called when the cache is full, so not empty. */
    private Instant oldest() {
        long earliest = Long.MAX_VALUE;
        for (SecondOfAuthenticators authenticators : seconds) {
            if (authenticators.size() > 0) {
                earliest = Math.min(earliest, authenticators.second());
            }
        }
        return Instant.ofEpochSecond(earliest);
    }
}
