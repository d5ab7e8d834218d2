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
import io.homeward.kit.data.DataDirectory;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestBundleContext;

class AccountServiceComponentTest {
    @TempDir
    Path data;

    private final RecordingLogger log = new RecordingLogger();

    private AccountServiceComponent start(String domain) {
        return new AccountServiceComponent(log.logger(), TestComponents.context(data, List.of()),
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
                TestComponents.context(data, registry), TestComponents.config("Members.Example"));
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
    void withoutTheDataDirectoryPropertyKeepsTheAccountsInTheBundleStorageAndSaysSo(@TempDir Path storage)
            throws Exception {
        AccountServiceComponent service = new AccountServiceComponent(log.logger(),
                new TestBundleContext(Map.of(), storage).context(), TestComponents.config("members.example."));
        service.addUser("alice", "a long password".toCharArray());
        assertTrue(Files.exists(storage.resolve("accounts").resolve("accounts.tsv")));
        assertEquals(1, log.count(LogLevel.WARN, DataDirectory.PROPERTY), log::toString);
    }

    @Test
    void refusesADomainThatIsNotADnsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> start("members..example"));
        assertTrue(e.getMessage().contains("'members..example' is not a DNS name"), e.getMessage());
    }
}
