package io.homeward.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The runtime's Configuration Admin seen from the launcher, which is outside the framework and so cannot link
 * against {@code org.osgi.service.cm}: its methods are looked up in the interfaces of the bundle that registered the
 * service. Configurations are multi-location ({@code "?"}), as the Configurator makes them.
 */
final class ConfigurationAdminBridge implements ConfigurationStore {
    private static final String ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIGURATION = "org.osgi.service.cm.Configuration";
    private static final String ANY_LOCATION = "?";
    /** Properties Configuration Admin adds by itself. */
    private static final Set<String> ADDED = Set.of("service.pid", "service.factoryPid", "service.bundleLocation");

    private final Object admin;
    private final Method getConfiguration;
    private final Method getFactoryConfiguration;
    private final Method getProperties;
    private final Method getChangeCount;
    private final Method update;

    private ConfigurationAdminBridge(Object admin, Class<?> adminType, Class<?> configurationType) throws NoSuchMethodException {
        this.admin = admin;
        this.getConfiguration = adminType.getMethod("getConfiguration", String.class, String.class);
        this.getFactoryConfiguration = adminType.getMethod("getFactoryConfiguration", String.class, String.class, String.class);
        this.getProperties = configurationType.getMethod("getProperties");
        this.getChangeCount = configurationType.getMethod("getChangeCount");
        this.update = configurationType.getMethod("update", Dictionary.class);
    }

    static ConfigurationAdminBridge of(BundleContext context) throws StartupException {
        ServiceReference<?> reference = context.getServiceReference(ADMIN);
        Object admin = reference == null ? null : context.getService(reference);
        if (admin == null) {
            throw new StartupException("Configuration Admin did not start, so the configuration cannot be applied");
        }
        try {
            return new ConfigurationAdminBridge(admin, reference.getBundle().loadClass(ADMIN),
                    reference.getBundle().loadClass(CONFIGURATION));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new StartupException("the runtime's Configuration Admin is not the one the launcher knows: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Stored> read(String pid) throws StartupException {
        Object configuration = configuration(pid);
        Dictionary<?, ?> properties = (Dictionary<?, ?>) call(pid, getProperties, configuration);
        if (properties == null) {
            return Optional.empty();
        }
        Map<String, Object> own = new HashMap<>();
        for (Object key : Collections.list(properties.keys())) {
            if (!ADDED.contains(key)) {
                own.put((String) key, properties.get(key));
            }
        }
        return Optional.of(new Stored(own, (Long) call(pid, getChangeCount, configuration)));
    }

    @Override
    public long write(String pid, Map<String, Object> properties) throws StartupException {
        Object configuration = configuration(pid);
        call(pid, update, configuration, new Hashtable<>(properties));
        return (Long) call(pid, getChangeCount, configuration);
    }

    private Object configuration(String pid) throws StartupException {
        int tilde = pid.indexOf('~');
        return tilde < 0
                ? call(pid, getConfiguration, admin, pid, ANY_LOCATION)
                : call(pid, getFactoryConfiguration, admin, pid.substring(0, tilde), pid.substring(tilde + 1), ANY_LOCATION);
    }

    private static Object call(String pid, Method method, Object target, Object... arguments) throws StartupException {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw new StartupException("Configuration Admin failed on " + pid + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new StartupException("Configuration Admin cannot be called: " + e.getMessage(), e);
        }
    }
}
