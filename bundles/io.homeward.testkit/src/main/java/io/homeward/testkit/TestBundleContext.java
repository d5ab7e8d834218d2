package io.homeward.testkit;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A fake {@link BundleContext} for a component under test: the framework properties the test gives, the bundle's
 * persistent storage area in a directory of the test, and services looked up by type (a whiteboard). Any other
 * call fails with {@link UnsupportedOperationException} naming the method.
 */
public final class TestBundleContext {
    private final Map<String, String> properties;
    private final Path storage;
    private final Map<Class<?>, Collection<?>> services = new HashMap<>();
    private final Map<Object, Object> byReference = new IdentityHashMap<>();

    /** Properties as {@link BundleContext#getProperty}; {@code storage} backs {@link BundleContext#getDataFile}. */
    public TestBundleContext(Map<String, String> properties, Path storage) {
        this.properties = Map.copyOf(properties);
        this.storage = storage;
    }

    /** The services of {@code type} a lookup finds: what {@code live} holds at the time of the lookup. */
    public <S> TestBundleContext services(Class<S> type, Collection<? extends S> live) {
        services.put(type, live);
        return this;
    }

    public BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getDataFile" -> storage.resolve((String) args[0]).toFile();
                    case "getServiceReferences" -> references((Class<?>) args[0]);
                    case "getService" -> byReference.get(args[0]);
                    case "ungetService" -> byReference.remove(args[0]) != null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private List<ServiceReference<?>> references(Class<?> type) {
        List<ServiceReference<?>> references = new ArrayList<>();
        for (Object service : services.getOrDefault(type, List.of())) {
            ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(
                    ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class}, (p, m, a) -> null);
            byReference.put(reference, service);
            references.add(reference);
        }
        return references;
    }
}
