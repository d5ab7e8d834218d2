package io.homeward.rendezvous.accounts.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;

import io.homeward.api.accounts.AccountListener;
import io.homeward.kit.data.DataDirectory;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestBundleContext;

/** Builds the account component the way DS would, from the framework and a configuration. */
final class TestComponents {
    private TestComponents() {
    }

    /** The context of a framework started by the launcher with {@code data} as its data directory. */
    static BundleContext context(Path data, List<AccountListener> listeners) {
        return new TestBundleContext(Map.of(DataDirectory.PROPERTY, data.toString()), data.resolve("bundle-storage"))
                .services(AccountListener.class, listeners).context();
    }

    static AccountServiceComponent.Config config(String domain) {
        return (AccountServiceComponent.Config) Proxy.newProxyInstance(AccountServiceComponent.Config.class.getClassLoader(),
                new Class<?>[] {AccountServiceComponent.Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("domain")) {
                        return domain;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static AccountServiceComponent accounts(Path data, RecordingLogger log) {
        return new AccountServiceComponent(log.logger(), context(data, List.of()), config("members.example."));
    }
}
