package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.homeward.kit.enroll.InviteCode;
import io.homeward.kit.files.PrivateDirectories;

/**
 * The rendezvous' invites, kept on disk ({@link InviteFile}) so that a restart neither forgets a pending one nor
 * revives a used one: every change is written before it is acted on. An invite is kept a day past its expiry so a
 * late attempt is told it expired rather than that it is unknown; then it is pruned.
 */
final class InviteBook {
    static final Duration DEFAULT_VALIDITY = Duration.ofHours(1);
    static final Duration MAX_VALIDITY = Duration.ofDays(7);
    static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    static final int MAX_PENDING_PER_USER = 20;
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final Path file;
    private final Clock clock;
    private final SecureRandom random;
    private Map<String, Invite> invites = new LinkedHashMap<>();

    private InviteBook(Path file, Clock clock, SecureRandom random) {
        this.file = file;
        this.clock = clock;
        this.random = random;
    }

    /** The book in {@code directory} (made owner-only if missing). */
    static InviteBook open(Path directory, Clock clock, SecureRandom random) throws IOException {
        PrivateDirectories.create(directory);
        InviteBook book = new InviteBook(directory.resolve(InviteFile.NAME), clock, random);
        for (Invite invite : InviteFile.read(book.file)) {
            book.invites.put(invite.id(), invite);
        }
        return book;
    }

    /**
     * A new invite for the user.
     *
     * @throws IllegalArgumentException when the validity is out of range or the user has too many pending invites
     */
    synchronized Invite create(String user, Optional<String> host, Duration validity) throws IOException {
        if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("an invite is valid for 1 minute to 7 days, not " + Validity.text(validity));
        }
        Instant now = clock.instant();
        long pending = invites.values().stream().filter(i -> i.user().equals(user) && i.pending(now)).count();
        if (pending >= MAX_PENDING_PER_USER) {
            throw new IllegalArgumentException(user + " has " + pending + " pending invites already; wait until some"
                    + " expire or are used");
        }
        byte[] secret = new byte[InviteCode.SECRET_BYTES];
        random.nextBytes(secret);
        Invite invite = new Invite(InviteCode.idOf(secret), user, host, now, now.plus(validity), secret, 0,
                Optional.empty());
        Map<String, Invite> next = pruned(now);
        next.put(invite.id(), invite);
        save(next);
        return invite;
    }

    synchronized Optional<Invite> find(String id) {
        return Optional.ofNullable(invites.get(id));
    }

    /** The user's pending invites, soonest to expire first. */
    synchronized List<Invite> pending(String user) {
        Instant now = clock.instant();
        return invites.values().stream().filter(i -> i.user().equals(user) && i.pending(now))
                .sorted(Comparator.comparing(Invite::expires)).toList();
    }

    /**
     * Ends a pending invite now: a machine that tries it is told it expired. Returns false if no pending invite has
     * the id.
     */
    synchronized boolean cancel(String id) throws IOException {
        Instant now = clock.instant();
        Invite current = invites.get(id);
        if (current == null || !current.pending(now)) {
            return false;
        }
        replace(id, i -> i.withExpires(now));
        return true;
    }

    /** Counts a wrong proof; the fifth kills the invite. */
    synchronized Invite wrongProof(String id) throws IOException {
        return replace(id, Invite::withFailure);
    }

    /** Uses the invite up, on disk, before its certificate is sent. */
    synchronized Invite use(String id) throws IOException {
        Instant now = clock.instant();
        return replace(id, i -> i.withUsed(Optional.of(now)));
    }

    /** Gives a used invite back after the enrollment failed on the rendezvous' side. */
    synchronized Invite giveBack(String id) throws IOException {
        return replace(id, i -> i.withUsed(Optional.empty()));
    }

    private Invite replace(String id, UnaryOperator<Invite> change) throws IOException {
        Invite current = invites.get(id);
        if (current == null) {
            throw new IllegalStateException("no invite " + id);
        }
        Invite changed = change.apply(current);
        Map<String, Invite> next = pruned(clock.instant());
        next.put(id, changed);
        save(next);
        return changed;
    }

    private Map<String, Invite> pruned(Instant now) {
        Map<String, Invite> next = new LinkedHashMap<>(invites);
        next.values().removeIf(i -> i.expires().plus(KEPT_AFTER_EXPIRY).isBefore(now));
        return next;
    }

    private void save(Map<String, Invite> next) throws IOException {
        InviteFile.write(file, next.values());
        invites = next;
    }
}
