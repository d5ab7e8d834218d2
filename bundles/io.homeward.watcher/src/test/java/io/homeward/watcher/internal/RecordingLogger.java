package io.homeward.watcher.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

/** An OSGi logger for tests that keeps every line as "level: format | arguments". */
final class RecordingLogger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                switch (method.getName()) {
                    case "getName":
                        return "test";
                    case "toString":
                        return "RecordingLogger";
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    default:
                        if (method.getName().startsWith("is")) {
                            return true;
                        }
                        lines.add(method.getName() + ": " + render(args));
                        return null;
                }
            });

    long count(String level, String fragment) {
        return lines.stream().filter(l -> l.startsWith(level + ":") && l.contains(fragment)).count();
    }

    private static String render(Object[] args) {
        if (args == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.valueOf(args[0]));
        for (int i = 1; i < args.length; i++) {
            text.append(i == 1 ? " | " : ", ")
                    .append(args[i] instanceof Object[] array ? java.util.Arrays.asList(array) : args[i]);
        }
        return text.toString();
    }
}
