package io.homeward.rendezvous.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountListener;
import io.homeward.testkit.RecordingLogger;

class AccountServiceComponentTest {
    @TempDir
    Path data;

    private final RecordingLogger log = new RecordingLogger();

    private AccountServiceComponent start(String domain) {
        return new AccountServiceComponent(log.logger(), TestComponents.context(Map.of("homeward.data", data.toString())),
                TestComponents.config(domain));
    }

    @Test
    void storesUnderTheDataDirectoryAndAnnouncesToEveryListener() throws Exception {
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        AccountListener failing = new AccountListener() {
            @Override
            public void accountAdded(Account account) {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void accountRemoved(Account account) {
                throw new IllegalStateException("broken listener");
            }
        };
        List<AccountListener> registry = new ArrayList<>(List.of(first, failing, second));
        AccountServiceComponent service = new AccountServiceComponent(log.logger(),
                TestComponents.context(Map.of("homeward.data", data.toString()), registry), TestComponents.config("Members.Example"));
        assertEquals("members.example.", service.domain());
        service.addUser("alice", "a long password".toCharArray());
        registry.remove(second);
        service.removeUser("alice");
        assertEquals(List.of("added alice", "removed alice"), first.events);
        assertEquals(List.of("added alice"), second.events);
        assertEquals(2, log.count(LogLevel.ERROR, "broken listener"));
        assertTrue(Files.exists(data.resolve("accounts").resolve("accounts.tsv")));
    }

    @Test
    void refusesToStartWithoutTheDataDirectoryProperty() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new AccountServiceComponent(log.logger(), TestComponents.context(Map.of()), TestComponents.config("members.example.")));
        assertTrue(e.getMessage().contains("homeward.data"), e.getMessage());
    }

    @Test
    void refusesADomainThatIsNotADnsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> start("members..example"));
        assertTrue(e.getMessage().contains("'members..example' is not a DNS name"), e.getMessage());
    }
}
