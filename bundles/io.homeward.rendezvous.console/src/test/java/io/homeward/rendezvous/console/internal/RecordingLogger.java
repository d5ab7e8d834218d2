package io.homeward.rendezvous.console.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

/** An OSGi logger for tests that keeps every line as "level: format". */
final class RecordingLogger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getName" -> "test";
                case "toString" -> "RecordingLogger";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> {
                    if (method.getName().startsWith("is")) {
                        yield true;
                    }
                    lines.add(method.getName() + ": " + (args == null ? "" : args[0]));
                    yield null;
                }
            });
}
