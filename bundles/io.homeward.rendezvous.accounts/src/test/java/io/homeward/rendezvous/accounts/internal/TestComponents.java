package io.homeward.rendezvous.accounts.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.BundleContext;

/** Builds the account component the way DS would, from framework properties and a configuration. */
final class TestComponents {
    private TestComponents() {
    }

    static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
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
        return new AccountServiceComponent(log.logger, context(Map.of("homeward.data", data.toString())), config("members.example."));
    }
}
