package io.homeward.rendezvous.dns.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} that keeps every line it is given, formatted, as "LEVEL message". */
public final class TestLogger {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                if (method.getReturnType() == String.class) {
                    return "test";
                }
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    lines.add(method.getName().toUpperCase() + " " + format(format, args));
                }
                return null;
            });

    public Logger logger() {
        return logger;
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public boolean contains(String level, String text) {
        return lines().stream().anyMatch(l -> l.startsWith(level) && l.contains(text));
    }

    private static String format(String format, Object[] args) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof Object[] array) {
                values.addAll(List.of(array));
            } else {
                values.add(args[i]);
            }
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        int value = 0;
        int at;
        while ((at = format.indexOf("{}", from)) >= 0) {
            out.append(format, from, at).append(value < values.size() ? values.get(value++) : "{}");
            from = at + 2;
        }
        return out.append(format.substring(from)).toString();
    }
}
