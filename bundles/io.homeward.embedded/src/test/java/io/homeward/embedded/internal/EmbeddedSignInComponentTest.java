package io.homeward.embedded.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogLevel;

import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.kit.data.DataDirectory;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestBundleContext;

/** The component as DS drives it: services arrive one by one, in any order, and the work happens once all are there. */
class EmbeddedSignInComponentTest {
    @TempDir
    Path data;

    private final List<String> pids = new CopyOnWriteArrayList<>();
    private final List<Dictionary<String, Object>> updates = new CopyOnWriteArrayList<>();

    @SuppressWarnings("unchecked")
    private ConfigurationAdmin configurationAdmin() {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> null;
                    case "update" -> updates.add((Dictionary<String, Object>) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration") && args.length == 2) {
                        pids.add((String) args[0]);
                        return configuration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static DnsListenerStatus listeners() {
        return new DnsListenerStatus() {
            @Override
            public List<ListenerState> listeners() {
                return List.of(new ListenerState(DnsTransport.TLS, "127.0.0.1:18853", 0, 0, 0));
            }

            @Override
            public String tlsFingerprint() {
                return "AB:".repeat(31) + "AB";
            }
        };
    }

    @Test
    void signsTheLocalAgentInOnceEveryServiceIsThere() throws Exception {
        RecordingLogger log = new RecordingLogger();
        EmbeddedSignInComponent component = new EmbeddedSignInComponent(
                new TestBundleContext(Map.of(DataDirectory.PROPERTY, data.toString()), data.resolve("bundle-storage"))
                        .context(), log.logger());
        try {
            component.bindListeners(listeners());
            FakeAccounts accounts = new FakeAccounts();
            component.bindAccounts(accounts);
            assertFalse(Files.exists(data.resolve("embedded/account")), "nothing without Configuration Admin");

            component.bindConfigurationAdmin(configurationAdmin());
            for (int i = 0; i < 200 && !Files.exists(data.resolve("embedded/account")); i++) {
                Thread.sleep(25);
            }

            assertTrue(Files.exists(data.resolve("embedded/account")), log.toString());
            assertEquals(List.of(SignInConfiguration.PID), pids);
            assertEquals("127.0.0.1:18853", updates.get(0).get("server"));
            assertEquals(1, accounts.passwords.size());

            accounts.listener = component;
            accounts.setPassword(accounts.passwords.keySet().iterator().next(), "changed elsewhere".toCharArray());
            assertFalse(Files.exists(data.resolve("account-password")), "the stale password file is gone");
        } finally {
            component.deactivate();
        }
    }

    @Test
    void withoutTheDataDirectoryPropertyItKeepsTheAccountInTheBundleStorageAndSaysSo(@TempDir Path storage)
            throws Exception {
        RecordingLogger log = new RecordingLogger();
        EmbeddedSignInComponent component = new EmbeddedSignInComponent(new TestBundleContext(Map.of(), storage).context(), log.logger());
        try {
            component.bindListeners(listeners());
            component.bindAccounts(new FakeAccounts());
            component.bindConfigurationAdmin(configurationAdmin());
            for (int i = 0; i < 200 && !Files.exists(storage.resolve("embedded/account")); i++) {
                Thread.sleep(25);
            }
        } finally {
            component.deactivate();
        }
        assertTrue(log.has(LogLevel.WARN, DataDirectory.PROPERTY), log.toString());
        assertTrue(Files.exists(storage.resolve("embedded/account")), log.toString());
        assertTrue(Files.exists(storage.resolve("account-password")), log.toString());
        assertEquals(List.of(SignInConfiguration.PID), pids);
    }
}
