package io.homeward.rendezvous.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.testkit.RecordingLogger;

class AccountFormTest {
    @TempDir
    Path data;

    @Test
    void addsChangesAndRemovesWithMessagesForEachOutcome() {
        AccountServiceComponent accounts = TestComponents.accounts(data, new RecordingLogger());
        assertEquals(new FormOutcome(true, "Added user alice (zone alice.members.example.)."),
                AccountForm.apply(accounts, "add", "alice", "alice password"));
        assertEquals(new FormOutcome(false, "a password needs at least 8 characters"),
                AccountForm.apply(accounts, "passwd", "alice", "short"));
        assertEquals(new FormOutcome(true, "Changed the password of alice; its hosts must sign in again with the new password."),
                AccountForm.apply(accounts, "passwd", "alice", "new alice password"));
        assertEquals(new FormOutcome(true, "Removed user alice and its zone."), AccountForm.apply(accounts, "remove", "alice", null));
        assertEquals(new FormOutcome(false, "There is no user alice."), AccountForm.apply(accounts, "remove", "alice", null));
        assertEquals(new FormOutcome(false, "enter a user name"), AccountForm.apply(accounts, "add", " ", "whatever long"));
        assertEquals(new FormOutcome(false, "Unknown action 'drop'; use the buttons on this page."),
                AccountForm.apply(accounts, "drop", "alice", null));
    }
}
