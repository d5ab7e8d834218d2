package io.homeward.registrar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.log.Logger;

import io.homeward.api.auth.Credentials;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;
import io.homeward.api.registration.RegistrationState;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.schedule.Scheduler;

/**
 * Decides when to publish, refresh, retry and withdraw. Every method runs on the scheduler's one logic
 * thread; only {@link #state()} is read from other threads.
 */
final class RegistrationEngine {
    /** Changes that come together (sign-in, identity, endpoint) go out in one UPDATE. */
    static final Duration DEBOUNCE = Duration.ofMillis(200);
    /** Retry delays after failed UPDATEs: 2 s, doubling, at most 5 min; success starts over. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    /**
     * The first retry of a moved host's UPDATE: its peers hold a stale endpoint meanwhile, and the first failure
     * after a move is mostly the move itself (a connection reset by the gateway changing address, a lost SRV answer).
     */
    static final Duration MOVED_RETRY = Duration.ofMillis(250);

    private enum Pending { DEBOUNCE, REFRESH, RETRY }

    private final Scheduler scheduler;
    private final Clock clock;
    private final UpdateSender sender;
    private final DesiredRecords desired;
    private final Duration lease;
    private final Logger log;
    private final Backoff backoff = new Backoff(FIRST_RETRY, LONGEST_RETRY);
    /** UPDATEs failed since the last success. */
    private int failedInRow;

    private Credentials credentials;
    private HostIdentity identity;
    private Optional<PublicEndpoint> endpoint = Optional.empty();
    private HostRecordSet pinned;
    private Duration pinnedLease;
    private boolean suspended;

    private HostRecordSet published;
    private Credentials publishedWith;
    private Instant leaseExpires;
    private String server;

    private Scheduler.Scheduled timer;
    private Pending pending;
    private Instant due;
    private String lastResult = "starting";
    private String lastFailure = "";
    private Instant lastAttempt;
    private String source = "";
    private volatile RegistrationState state;

    RegistrationEngine(Scheduler scheduler, Clock clock, UpdateSender sender, DesiredRecords desired, Duration lease,
            Logger log) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.sender = sender;
        this.desired = desired;
        this.lease = lease;
        this.log = log;
        snapshot();
    }

    RegistrationState state() {
        return state;
    }

    void credentials(Credentials signedIn) {
        if (published != null && (signedIn == null || !signedIn.zone().equalsIgnoreCase(published.zone()))) {
            // Signed out, or into another account: the old records can only be removed with the old key.
            withdrawQuietly("signed out of " + published.zone());
            pinned = null;
        }
        credentials = signedIn;
        changed();
    }

    void credentialsGone(Credentials signedOut) {
        if (credentials == signedOut) {
            credentials(null);
        }
    }

    void identityGone(HostIdentity gone) {
        if (identity == gone) {
            identity = null;
            changed();
        }
    }

    /** A new identity, or the same with a new host name: a rename goes out at once (docs/enrollment.md). */
    void identity(HostIdentity current) {
        identity = current;
        changed(published != null && !published.hostName().equalsIgnoreCase(current.hostName()) ? Duration.ZERO
                : DEBOUNCE);
    }

    /**
     * The public endpoint as the contract reports it now (empty when none is known). Any report, even of the same
     * endpoint, cuts a retry wait short: the path to the server may be back. Once records are out, a new endpoint
     * is sent without the debounce: the host moved, its peers reach it only at the new endpoint, and the reports of
     * one move have already been settled by the network watcher and the tunnel port (docs/architecture.md).
     */
    void publicEndpoint(Optional<PublicEndpoint> current) {
        endpoint = current;
        changed(published != null ? Duration.ZERO : DEBOUNCE);
    }

    /** An explicit publish: this set is kept, whatever the inputs say, until withdraw or restart. */
    Registration publish(HostRecordSet set, Duration asked) throws UpdateFailure {
        if (credentials == null) {
            throw new UpdateFailure("not signed in: sign in before publishing");
        }
        pinned = set;
        pinnedLease = RegistrarSettings.clampLease(asked);
        suspended = false;
        cancelTimer();
        if (!attempt()) {
            throw new UpdateFailure(lastFailure);
        }
        return new Registration(published, leaseExpires, server);
    }

    /** Removes the records now and stops publishing until {@link #publish} or a restart. */
    void withdraw() throws UpdateFailure {
        cancelTimer();
        suspended = true;
        pinned = null;
        if (published != null) {
            sender.withdraw(publishedWith, published);
            log.info("Withdrew the records of {} from {}", published.hostName(), published.zone());
            published = null;
            leaseExpires = null;
        }
        lastResult = "withdrawn on request; publishes again after a publish or a restart";
        snapshot();
    }

    /** A clean stop: nothing is scheduled any more and the records leave the server now. */
    void close() {
        cancelTimer();
        suspended = true;
        if (published != null) {
            withdrawQuietly("stopping");
        }
    }

    private void changed() {
        changed(DEBOUNCE);
    }

    private void changed(Duration debounce) {
        if (suspended || pending == Pending.DEBOUNCE) {
            snapshot();
            return;
        }
        if (pending == Pending.REFRESH) {
            DesiredRecords.Outcome outcome = effective();
            if (outcome.set().filter(set -> set.equals(published)).isPresent()) {
                source = outcome.explanation();
                snapshot();
                return;
            }
        }
        arm(Pending.DEBOUNCE, debounce);
    }

    /** What to publish now; while an input is briefly missing, what is out there is kept alive. */
    private DesiredRecords.Outcome effective() {
        DesiredRecords.Outcome outcome = current();
        if (outcome.set().isEmpty() && credentials != null && published != null) {
            return new DesiredRecords.Outcome(Optional.of(published), "keeping the published set while "
                    + outcome.explanation());
        }
        return outcome;
    }

    private DesiredRecords.Outcome current() {
        if (credentials == null) {
            return desired.of(null, identity, endpoint);
        }
        if (pinned != null) {
            return new DesiredRecords.Outcome(Optional.of(pinned), "set by a caller of RecordRegistrar.publish");
        }
        return desired.of(credentials, identity, endpoint);
    }

    private boolean attempt() {
        timer = null;
        pending = null;
        due = null;
        DesiredRecords.Outcome outcome = effective();
        source = outcome.explanation();
        if (outcome.set().isEmpty()) {
            lastResult = outcome.explanation();
            lastFailure = lastResult;
            snapshot();
            return false;
        }
        HostRecordSet set = outcome.set().get();
        Duration asked = pinned != null ? pinnedLease : lease;
        lastAttempt = clock.instant();
        try {
            // After a rename by the rendezvous the new key cannot delete the old names: the rendezvous did.
            Optional<HostRecordSet> previous = Optional.ofNullable(published)
                    .filter(old -> KeyHost.mayWrite(credentials, old.hostName()));
            UpdateSender.Granted granted = sender.publish(credentials, set, previous, asked);
            published = set;
            publishedWith = credentials;
            server = granted.server();
            leaseExpires = lastAttempt.plus(granted.lease());
            backoff.reset();
            failedInRow = 0;
            lastResult = "published at " + lastAttempt + ", lease " + granted.lease().toSeconds() + " s granted by "
                    + granted.server();
            log.info("Published {} in {} ({}:{}), lease {} s", set.hostName(), set.zone(),
                    set.publicAddress().getHostAddress(), set.publicPort(), granted.lease().toSeconds());
            // Refresh at 75 % of the granted lease (RFC 9664 §4.2 asks for the last fifth at the latest).
            arm(Pending.REFRESH, granted.lease().multipliedBy(3).dividedBy(4));
            return true;
        } catch (UpdateFailure failure) {
            Duration wait = failedInRow++ == 0 && moved(set) ? MOVED_RETRY : backoff.next();
            lastFailure = failure.getMessage();
            lastResult = "failed at " + lastAttempt + ": " + lastFailure;
            log.warn("Could not publish {} in {}: {}; retrying in {} ms", set.hostName(), set.zone(),
                    failure.getMessage(), wait.toMillis());
            arm(Pending.RETRY, wait);
            return false;
        }
    }

    /** Whether the set tells peers another endpoint than the one they hold. */
    private boolean moved(HostRecordSet set) {
        return published != null && (!set.publicAddress().equals(published.publicAddress())
                || set.publicPort() != published.publicPort());
    }

    private void withdrawQuietly(String why) {
        try {
            sender.withdraw(publishedWith, published);
            log.info("Withdrew the records of {} from {} ({})", published.hostName(), published.zone(), why);
            lastResult = "withdrawn (" + why + ")";
        } catch (UpdateFailure failure) {
            log.warn("Could not withdraw the records of {} from {} ({}): {}; they expire with their lease at {}",
                    published.hostName(), published.zone(), why, failure.getMessage(), leaseExpires);
            lastResult = "withdraw failed (" + why + "): " + failure.getMessage();
        }
        published = null;
        leaseExpires = null;
        snapshot();
    }

    private void arm(Pending kind, Duration delay) {
        cancelTimer();
        pending = kind;
        due = clock.instant().plus(delay);
        timer = scheduler.schedule(this::attempt, delay);
        snapshot();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
        }
        timer = null;
        pending = null;
        due = null;
    }

    private void snapshot() {
        Optional<Registration> current = published == null ? Optional.empty()
                : Optional.of(new Registration(published, leaseExpires, server));
        List<String> records = published == null ? List.of()
                : new PublishedRecords(published).additions().stream().map(Object::toString).toList();
        state = new RegistrationState(current, records, lastResult, Optional.ofNullable(lastAttempt),
                Optional.ofNullable(due), source);
    }
}
