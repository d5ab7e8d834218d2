package io.homeward.signin.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A BundleContext that knows the data property and records service registrations. */
final class FakeBundleContext {
    /** One registration; {@code live} is false once unregistered. */
    static final class Registered {
        final Object service;
        final Dictionary<String, ?> properties;
        volatile boolean live = true;

        Registered(Object service, Dictionary<String, ?> properties) {
            this.service = service;
            this.properties = properties;
        }
    }

    final List<Registered> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, String> properties;
    private final Path bundleData;

    FakeBundleContext(Map<String, String> properties, Path bundleData) {
        this.properties = properties;
        this.bundleData = bundleData;
    }

    List<Registered> live() {
        return registrations.stream().filter(r -> r.live).toList();
    }

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getDataFile" -> bundleData.resolve((String) args[0]).toFile();
                    case "registerService" -> register(args[1], (Dictionary<String, ?>) args[2]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceRegistration<?> register(Object service, Dictionary<String, ?> serviceProperties) {
        Registered registered = new Registered(service, serviceProperties);
        registrations.add(registered);
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        registered.live = false;
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
