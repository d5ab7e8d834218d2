package io.homeward.signin.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.kit.dns.Backoff;
import io.homeward.kit.schedule.Scheduler;

/**
 * Renews the host certificate at two thirds of its lifetime (docs/enrollment.md, "After a successful enrollment"),
 * retrying with backoff while the rendezvous is unreachable, until it succeeds or the certificate expires. Runs its
 * attempts on the scheduler's thread.
 */
final class CertificateRenewal {

    /** One renewal: stores and publishes the new certificate, which it returns. */
    @FunctionalInterface
    interface Attempt {
        IssuedCertificate renew() throws SignInException;
    }

    /**
     * What operators see.
     *
     * @param due        when the next attempt runs; empty when none is planned
     * @param lastResult what the last attempt did, "" before any
     */
    record State(Optional<Instant> due, String lastResult) {
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final Attempt attempt;
    private final Logger log;

    private Scheduler.Scheduled timer;
    private Optional<Instant> due = Optional.empty();
    private Optional<Instant> expires = Optional.empty();
    private String lastResult = "";

    CertificateRenewal(Scheduler scheduler, Clock clock, Backoff backoff, Attempt attempt, Logger log) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.backoff = backoff;
        this.attempt = attempt;
        this.log = log;
    }

    /** Plans the renewal of this certificate, replacing any plan for an earlier one. */
    synchronized void track(IssuedCertificate certificate) {
        backoff.reset();
        expires = Optional.of(certificate.notAfter());
        plan(certificate.renewalDue());
    }

    /** No renewal any more: signed out, revoked or stopping. */
    synchronized void stop() {
        cancel();
        due = Optional.empty();
        expires = Optional.empty();
    }

    synchronized State state() {
        return new State(due, lastResult);
    }

    private void plan(Instant when) {
        cancel();
        due = Optional.of(when);
        Duration delay = Duration.between(clock.instant(), when);
        timer = scheduler.schedule(this::run, delay.isNegative() ? Duration.ZERO : delay);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void run() {
        synchronized (this) {
            if (due.isEmpty()) {
                return;
            }
            timer = null;
        }
        try {
            IssuedCertificate renewed = attempt.renew();
            synchronized (this) {
                lastResult = "renewed at " + clock.instant() + ", valid until " + renewed.notAfter();
                track(renewed);
            }
            log.info("Renewed the host certificate; the new one is valid until {}", renewed.notAfter());
        } catch (SignInException e) {
            failed(e.getMessage());
        }
    }

    private synchronized void failed(String reason) {
        Instant now = clock.instant();
        if (expires.isEmpty()) {
            return;
        }
        if (!now.isBefore(expires.get())) {
            lastResult = "failed at " + now + " (" + reason + "); the certificate expired at " + expires.get()
                    + ": join again with a new invite or sign in";
            due = Optional.empty();
            log.error("The host certificate expired at {} without renewal: {}", expires.get(), reason);
            return;
        }
        Duration wait = backoff.next();
        Instant next = now.plus(wait).isBefore(expires.get()) ? now.plus(wait) : expires.get();
        lastResult = "failed at " + now + ": " + reason + "; retrying at " + next;
        log.warn("Renewing the host certificate failed ({}); retrying at {}", reason, next);
        plan(next);
    }
}
