package io.homeward.testkit;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;

/**
 * A fake OSGi {@link Logger} that keeps every entry as its level and its message with the "{}" placeholders
 * filled in; arguments no placeholder took (typically a trailing exception) follow after " | ".
 * Safe to log to from several threads.
 */
public final class RecordingLogger {
    /** One logged line. */
    public record Entry(LogLevel level, String message) {
        @Override
        public String toString() {
            return level + " " + message;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getName" -> "test";
                case "toString" -> "RecordingLogger";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> record(method, args);
            });

    /** The logger to hand to the code under test. */
    public Logger logger() {
        return logger;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Every entry as "LEVEL message", in logging order. */
    public List<String> lines() {
        return entries().stream().map(Entry::toString).toList();
    }

    /** The messages logged at one level, in logging order. */
    public List<String> messages(LogLevel level) {
        return entries().stream().filter(e -> e.level() == level).map(Entry::message).toList();
    }

    /** How many messages at this level contain the fragment. */
    public long count(LogLevel level, String fragment) {
        return messages(level).stream().filter(m -> m.contains(fragment)).count();
    }

    public boolean has(LogLevel level, String fragment) {
        return count(level, fragment) > 0;
    }

    @Override
    public String toString() {
        return lines().toString();
    }

    private Object record(Method method, Object[] args) {
        if (method.getReturnType() == boolean.class) {
            return Boolean.TRUE;
        }
        if (args != null && args[0] instanceof String format) {
            Object[] values = method.isVarArgs() ? (Object[]) args[1] : Arrays.copyOfRange(args, 1, args.length);
            Entry entry = new Entry(LogLevel.valueOf(method.getName().toUpperCase(Locale.ROOT)), fill(format, values));
            synchronized (this) {
                entries.add(entry);
            }
        }
        return null;
    }

    private static String fill(String format, Object[] values) {
        StringBuilder out = new StringBuilder(format);
        int used = 0;
        int from = 0;
        for (int at = out.indexOf("{}"); at >= 0 && used < values.length; at = out.indexOf("{}", from)) {
            String value = render(values[used++]);
            out.replace(at, at + 2, value);
            from = at + value.length();
        }
        for (int i = used; i < values.length; i++) {
            out.append(i == used ? " | " : ", ").append(render(values[i]));
        }
        return out.toString();
    }

    private static String render(Object value) {
        return value instanceof Object[] array ? Arrays.asList(array).toString() : String.valueOf(value);
    }
}
