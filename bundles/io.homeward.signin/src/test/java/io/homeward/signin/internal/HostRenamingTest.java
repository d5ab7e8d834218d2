package io.homeward.signin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.signin.RenameState;
import io.homeward.api.signin.RenameState.Phase;
import io.homeward.kit.dns.Backoff;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/** The agent's rename, step by step on a manual clock, with a scripted rendezvous and identity. */
class HostRenamingTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    /** What the rendezvous answers next: null renames, an exception refuses or fails. */
    private final Deque<SignInException> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> identityNames = new ArrayList<>();
    private boolean identityBroken;
    private final HostRenaming renaming = new HostRenaming(this::rendezvous, this::setName, scheduler, clock,
            new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10)), log.logger());

    private void rendezvous(String to) throws SignInException {
        asked.add(to);
        SignInException next = answers.poll();
        if (next != null) {
            throw next;
        }
    }

    private void setName(String name) throws IOException {
        if (identityBroken) {
            throw new IOException("the configuration store is read-only");
        }
        identityNames.add(name);
    }

    @Test
    void aRenameFromTheCommandAsksTheRendezvousThenNamesTheIdentity() {
        renaming.start("laptop", "studio", false);

        assertEquals(List.of("studio"), asked);
        assertEquals(List.of("studio"), identityNames);
        RenameState done = renaming.state();
        assertEquals(Phase.DONE, done.phase());
        assertEquals("renamed laptop to studio at the rendezvous", done.message());
        assertEquals(Optional.of(clock.instant()), done.changed());
    }

    @Test
    void anUnreachableRendezvousIsAskedAgainWithBackoffUntilItAnswers() {
        answers.add(new SignInException("cannot reach the enrollment server at 127.0.0.1:8443"));
        answers.add(new SignInException("the rendezvous is restarting", 503));

        renaming.start("laptop", "studio", true);

        assertEquals(Phase.RUNNING, renaming.state().phase());
        assertTrue(renaming.state().message().contains("trying again in 5 s"), renaming.state().message());
        assertEquals(Optional.of(Duration.ofSeconds(5)), scheduler.nextDelay());
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(Phase.RUNNING, renaming.state().phase(), "a 503 is not a refusal");
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(List.of("studio", "studio", "studio"), asked);
        assertEquals(Phase.DONE, renaming.state().phase());
        assertEquals(List.of(), identityNames, "the identity had the new name first");
        assertTrue(log.has(LogLevel.WARN, "trying again in 5 s"));
    }

    @Test
    void aRefusalKeepsTheOldNameAndSetsTheIdentityBackWhenItChangedFirst() {
        answers.add(new SignInException("studio.alice.members.test. is another host of the account", 403));

        renaming.start("laptop", "studio", true);

        RenameState failed = renaming.state();
        assertEquals(Phase.FAILED, failed.phase());
        assertEquals("the rendezvous refused to rename laptop to studio: studio.alice.members.test. is another host"
                + " of the account; this host keeps the name laptop", failed.message());
        assertEquals(List.of("laptop"), identityNames);
        assertTrue(log.has(LogLevel.ERROR, "refused to rename laptop to studio"));
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aRefusalOfARenameFromTheCommandLeavesTheIdentityAlone() {
        answers.add(new SignInException("the new name is not a DNS label", 400));
        renaming.start("laptop", "stu_dio", false);
        assertEquals(Phase.FAILED, renaming.state().phase());
        assertEquals(List.of(), identityNames);
    }

    @Test
    void signingOutStopsARenameWaitingToTryAgain() {
        answers.add(new SignInException("cannot reach the enrollment server"));
        renaming.start("laptop", "studio", true);
        renaming.cancel();
        scheduler.advance(Duration.ofMinutes(5));

        assertEquals(List.of("studio"), asked);
        assertEquals(Phase.FAILED, renaming.state().phase());
        assertTrue(renaming.state().message().startsWith("stopped before"), renaming.state().message());
    }

    @Test
    void aNewRenameReplacesOneWaitingToTryAgain() {
        answers.add(new SignInException("cannot reach the enrollment server"));
        renaming.start("laptop", "studio", true);
        renaming.start("laptop", "office", true);
        scheduler.advance(Duration.ofMinutes(5));

        assertEquals(List.of("studio", "office"), asked);
        assertEquals("office", renaming.state().to());
        assertEquals(Phase.DONE, renaming.state().phase());
    }

    @Test
    void aHostThatIsNotEnrolledOnlyRenamesItsIdentity() {
        renaming.renameLocally("laptop", "studio");
        assertEquals(List.of(), asked);
        assertEquals(List.of("studio"), identityNames);
        assertEquals(Phase.DONE, renaming.state().phase());

        identityBroken = true;
        renaming.renameLocally("studio", "office");
        assertEquals(Phase.FAILED, renaming.state().phase());
        assertTrue(renaming.state().message().contains("read-only"), renaming.state().message());
    }

    @Test
    void aRenamedHostWhoseIdentityCannotBeWrittenSaysWhatToSet() {
        identityBroken = true;
        renaming.start("laptop", "studio", false);
        assertEquals(Phase.DONE, renaming.state().phase());
        assertTrue(renaming.state().message().endsWith("set hostName of io.homeward.identity to studio"),
                renaming.state().message());
    }
}
