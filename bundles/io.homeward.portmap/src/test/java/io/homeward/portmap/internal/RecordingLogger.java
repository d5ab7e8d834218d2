package io.homeward.portmap.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.osgi.service.log.Logger;

/** A Logger that remembers "LEVEL message" for every call. */
final class RecordingLogger {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                switch (method.getName()) {
                    case "trace", "debug", "info", "warn", "error", "audit" ->
                        lines.add(method.getName().toUpperCase() + " " + args[0]);
                    case "getName" -> {
                        return "test";
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    default -> {
                        return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                    }
                }
                return null;
            });

    List<String> at(String level) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(level + " ")).toList();
        }
    }
}
