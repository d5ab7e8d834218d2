package io.homeward.console.internal.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.accounts.Account;
import io.homeward.console.internal.PageOutcome;
import io.homeward.testkit.RecordingLogger;

class UsersFormTest {
    private final MemoryAccounts accounts = new MemoryAccounts();
    private final RecordingLogger log = new RecordingLogger();

    private PageOutcome apply(String action, String user, String password) {
        return UsersForm.apply(accounts, action, user, password, log.logger());
    }

    @Test
    void addsChangesAndRemovesWithMessagesForEachOutcome() {
        assertEquals(PageOutcome.done("Added user alice (zone alice.members.example.)."), apply("add", "alice", "alice password"));
        assertEquals(PageOutcome.refused("user alice exists"), apply("add", "alice", "alice password"));
        assertEquals(PageOutcome.refused("a password needs at least 8 characters"), apply("passwd", "alice", "short"));
        assertEquals(PageOutcome.done("Changed the password of alice; its hosts must sign in again with the new password."),
                apply("passwd", "alice", "new alice password"));
        assertEquals(PageOutcome.done("Removed user alice and its zone."), apply("remove", "alice", null));
        assertEquals(PageOutcome.refused("There is no user alice."), apply("remove", "alice", null));
        assertEquals(PageOutcome.refused("enter a user name"), apply("add", " ", "whatever long"));
        assertEquals(PageOutcome.refused("Unknown action 'drop'; use the buttons on this page."), apply("drop", "bob", null));
        assertEquals(PageOutcome.refused("Unknown action 'null'; use the buttons on this page."), apply(null, "bob", null));
        assertEquals(List.of(), accounts.users());
        assertTrue(log.lines().isEmpty(), log.lines()::toString);
    }

    @Test
    void thePasswordIsWipedOnceTheServiceHasIt() {
        apply("add", "alice", "alice password");
        apply("passwd", "alice", "short");
        assertEquals(2, accounts.passwordsGiven.size());
        for (char[] given : accounts.passwordsGiven) {
            assertEquals(given.length, new String(given).chars().filter(c -> c == 0).count(), "wiped");
        }
    }

    @Test
    void withoutTheAccountServiceNothingChangesAndThePageSaysWhy() {
        PageOutcome refused = UsersForm.apply(null, "add", "alice", "alice password", log.logger());
        assertEquals(PageOutcome.refused("No user can be changed: " + RendezvousSource.USERS.notRunning()), refused);
    }

    @Test
    void aServiceFailingWhileItStopsIsRefusedAndLogged() {
        MemoryAccounts stopping = new MemoryAccounts() {
            @Override
            public Account addUser(String user, char[] password) {
                throw new IllegalStateException("account store closed");
            }
        };
        assertEquals(PageOutcome.refused("The account service failed (java.lang.IllegalStateException: account store"
                + " closed); the log has the details."),
                UsersForm.apply(stopping, "add", "alice", "alice password", log.logger()));
        assertEquals(List.of("WARN The account service failed on a form of the console's Users section"
                + " | java.lang.IllegalStateException: account store closed"), log.lines());
    }
}
