package io.homeward.rendezvous.accounts.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.homeward.api.accounts.AccountListener;
import io.homeward.testkit.RecordingLogger;

/** Builds the account component the way DS would, from framework properties and a configuration. */
final class TestComponents {
    private TestComponents() {
    }

    static BundleContext context(Map<String, String> properties) {
        return context(properties, List.of());
    }

    /** A context whose service registry holds the given account listeners (the whiteboard). */
    static BundleContext context(Map<String, String> properties, List<AccountListener> listeners) {
        Map<Object, AccountListener> byReference = new IdentityHashMap<>();
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getServiceReferences" -> {
                        List<ServiceReference<?>> refs = new ArrayList<>();
                        for (AccountListener listener : listeners) {
                            ServiceReference<?> ref = (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                                    new Class<?>[] {ServiceReference.class}, (p, m, a) -> null);
                            byReference.put(ref, listener);
                            refs.add(ref);
                        }
                        yield refs;
                    }
                    case "getService" -> byReference.get(args[0]);
                    case "ungetService" -> byReference.remove(args[0]) != null;
                    default -> throw new UnsupportedOperationException(method.getName());
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
        return new AccountServiceComponent(log.logger(), context(Map.of("homeward.data", data.toString())), config("members.example."));
    }
}
