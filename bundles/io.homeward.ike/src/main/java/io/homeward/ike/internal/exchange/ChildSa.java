package io.homeward.ike.internal.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.homeward.api.sa.SaSpec;
import io.homeward.ike.internal.proposal.ChildSuite;
import io.homeward.kit.schedule.Scheduler.Scheduled;

/**
 * One Child SA of an IKE SA (RFC 7296 §1.3): its pair in the SA database, its suite, when it was made, its timers
 * (rekey, hard lifetime, sequence numbers) and where its rekey stands. Its IKE SA changes when the IKE SA is rekeyed
 * (§2.18).
 */
final class ChildSa {
    enum State {
        /** Carries traffic; rekeyed when due. */
        INSTALLED,
        /** This side's CREATE_CHILD_SA rekeying it is under way. */
        REKEYING,
        /** Replaced by a new Child SA; waits for the DELETE of one side (§2.8). */
        REKEYED,
        /** This side's INFORMATIONAL DELETE of it is under way (§1.4.1). */
        DELETING
    }

    /**
     * The peer's rekey of this Child SA that this side answered while its own was under way (§2.8.1): the Child SA it
     * made and the lowest nonce of that exchange.
     */
    record Collision(ChildSa made, byte[] lowestNonce) {
    }

    IkeSa owner;
    final SaSpec spec;
    final ChildSuite suite;
    final Instant created;
    State state = State.INSTALLED;
    /** When the rekey timer fires; null when none runs. */
    Instant rekeyAt;
    Collision collision;
    Scheduled rekeyTimer;
    Scheduled expiryTimer;
    Scheduled sequenceTimer;

    ChildSa(IkeSa owner, SaSpec spec, ChildSuite suite, Instant created) {
        this.owner = owner;
        this.spec = spec;
        this.suite = suite;
        this.created = created;
    }

    int inboundSpi() {
        return spec.inboundSpi();
    }

    int outboundSpi() {
        return spec.outboundSpi();
    }

    /** Stops the rekey timer and the sequence number checks; the hard lifetime runs on. */
    void stopRekeying() {
        rekeyAt = null;
        for (Scheduled timer : new Scheduled[] {rekeyTimer, sequenceTimer}) {
            if (timer != null) {
                timer.cancel();
            }
        }
        rekeyTimer = null;
        sequenceTimer = null;
    }

    void cancelTimers() {
        stopRekeying();
        if (expiryTimer != null) {
            expiryTimer.cancel();
            expiryTimer = null;
        }
    }

    ChildSaStatus status(Instant now) {
        return new ChildSaStatus(spec.inboundSpi(), spec.outboundSpi(), spec.suite(), spec.esn(),
                Duration.between(created, now), state.name(),
                Optional.ofNullable(rekeyAt).map(at -> Duration.between(now, at)));
    }

    @Override
    public String toString() {
        return Integer.toHexString(spec.inboundSpi()) + "_i/" + Integer.toHexString(spec.outboundSpi()) + "_o";
    }
}
