package io.homeward.signin.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.api.signin.RenameState;
import io.homeward.api.signin.RenameState.Phase;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.schedule.Scheduler;

/**
 * A rename of this host as the agent carries it out (docs/enrollment.md, "Renaming a host"), on the scheduler's
 * thread: an enrolled host asks its rendezvous, again with backoff while the rendezvous cannot be reached; then the
 * identity takes the new name, and the registrar publishes under it. A refusal leaves the host its old name: when
 * the identity's name was changed first, it is set back, and the state says why.
 */
final class HostRenaming {

    /** The rendezvous' part: renames the enrolled host and stores its new credentials. */
    @FunctionalInterface
    interface Rendezvous {
        void rename(String to) throws SignInException;
    }

    /** The identity's host name, in its configuration. */
    @FunctionalInterface
    interface HostNames {
        void set(String name) throws IOException;
    }

    private final Rendezvous rendezvous;
    private final HostNames names;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final Logger log;

    private RenameState state = RenameState.IDLE;
    /** Whether the identity already has the new name (it was changed first), so a refusal sets the old one back. */
    private boolean identityFirst;
    /** Counts the renames started, so an attempt of an earlier one, still scheduled, does nothing. */
    private long generation;
    private Scheduler.Scheduled retry;

    HostRenaming(Rendezvous rendezvous, HostNames names, Scheduler scheduler, Clock clock, Backoff backoff,
            Logger log) {
        this.rendezvous = rendezvous;
        this.names = names;
        this.scheduler = scheduler;
        this.clock = clock;
        this.backoff = backoff;
        this.log = log;
    }

    synchronized RenameState state() {
        return state;
    }

    synchronized boolean running() {
        return state.phase() == Phase.RUNNING;
    }

    /**
     * Renames an enrolled host: asks the rendezvous on the scheduler's thread.
     *
     * @param identityFirst whether the identity already has the new name
     */
    synchronized void start(String from, String to, boolean identityFirst) {
        cancelRetry();
        this.identityFirst = identityFirst;
        long mine = ++generation;
        backoff.reset();
        state = running(from, to, "asking the rendezvous to rename " + from + " to " + to);
        log.info("Renaming this host from {} to {}", from, to);
        scheduler.execute(() -> attempt(mine));
    }

    /**
     * Renames a host that is not enrolled (signed out, or signed in with the zone's master key): only the identity
     * changes; the registrar withdraws the old names and publishes the new.
     */
    void renameLocally(String from, String to) {
        synchronized (this) {
            cancelRetry();
            generation++;
        }
        try {
            names.set(to);
            finish(Phase.DONE, from, to, "renamed " + from + " to " + to);
            log.info("Renamed this host from {} to {}", from, to);
        } catch (IOException e) {
            finish(Phase.FAILED, from, to, "cannot set the name in the identity's configuration: " + e.getMessage());
            log.error("Cannot rename this host from {} to {}: {}", from, to, e.getMessage());
        }
    }

    /** Stops a rename waiting to try again (sign-out, stop); one in flight finishes. */
    synchronized void cancel() {
        cancelRetry();
        generation++;
        if (state.phase() == Phase.RUNNING) {
            state = new RenameState(Phase.FAILED, state.from(), state.to(), "stopped before the rendezvous renamed "
                    + state.from(), Optional.of(clock.instant()));
        }
    }

    private void attempt(long mine) {
        RenameState asked;
        synchronized (this) {
            if (mine != generation) {
                return;
            }
            retry = null;
            asked = state;
        }
        try {
            rendezvous.rename(asked.to());
        } catch (SignInException e) {
            failed(mine, asked, e);
            return;
        }
        boolean setName;
        synchronized (this) {
            setName = !identityFirst;
        }
        String done = "renamed " + asked.from() + " to " + asked.to() + " at the rendezvous";
        if (setName) {
            try {
                names.set(asked.to());
            } catch (IOException io) {
                done += ", but cannot set the name in the identity's configuration (" + io.getMessage() + "): set"
                        + " hostName of io.homeward.identity to " + asked.to();
                log.error("{}", done);
            }
        }
        finish(Phase.DONE, asked.from(), asked.to(), done);
    }

    private void failed(long mine, RenameState asked, SignInException e) {
        if (e.refused()) {
            String why = "the rendezvous refused to rename " + asked.from() + " to " + asked.to() + ": "
                    + e.getMessage() + "; this host keeps the name " + asked.from();
            boolean revert;
            synchronized (this) {
                revert = identityFirst;
            }
            if (revert) {
                try {
                    names.set(asked.from());
                } catch (IOException io) {
                    why += " (but cannot set it back in the identity's configuration: " + io.getMessage() + ")";
                }
            }
            log.error("{}", why);
            finish(Phase.FAILED, asked.from(), asked.to(), why);
            return;
        }
        synchronized (this) {
            if (mine != generation) {
                return;
            }
            Duration wait = backoff.next();
            state = running(asked.from(), asked.to(), "cannot rename at the rendezvous now (" + e.getMessage()
                    + "); trying again in " + wait.toSeconds() + " s");
            retry = scheduler.schedule(() -> attempt(mine), wait);
            log.warn("Renaming this host from {} to {} failed ({}); trying again in {} s", asked.from(), asked.to(),
                    e.getMessage(), wait.toSeconds());
        }
    }

    private synchronized void finish(Phase phase, String from, String to, String message) {
        state = new RenameState(phase, from, to, message, Optional.of(clock.instant()));
    }

    private RenameState running(String from, String to, String message) {
        return new RenameState(Phase.RUNNING, from, to, message, Optional.of(clock.instant()));
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }
}
