package io.homeward.rendezvous.transport.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Component configurations for tests, the way DS would hand them over. */
final class Configs {
    private Configs() {
    }

    /** A configuration with the metatype defaults, except the given values. */
    static DnsListenersComponent.Config config(Map<String, Object> values) {
        return (DnsListenersComponent.Config) Proxy.newProxyInstance(DnsListenersComponent.Config.class.getClassLoader(),
                new Class<?>[] {DnsListenersComponent.Config.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "Config";
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }
}
