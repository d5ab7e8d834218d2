package io.homeward.rendezvous.transport.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Component configurations for tests, the way DS would hand them over. */
final class Configs {
    private Configs() {
    }

    /** A configuration with the metatype defaults, except the given values. */
    static DnsListeners.Config config(Map<String, Object> values) {
        return (DnsListeners.Config) Proxy.newProxyInstance(DnsListeners.Config.class.getClassLoader(),
                new Class<?>[] {DnsListeners.Config.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "Config";
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }
}
