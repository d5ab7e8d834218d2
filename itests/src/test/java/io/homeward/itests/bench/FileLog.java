package io.homeward.itests.bench;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.log.Logger;

/**
 * An OSGi {@link Logger} that writes every line, "{}" replaced by the arguments, with its time and level to a file and
 * flushes it, as MIT's KDC writes its log file; counts the warnings and errors. The benchmarked KDC logs a line per
 * request through it, so its cost is in the figures as MIT's is in MIT's.
 */
final class FileLog {
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "audit");
    private static final Set<String> LOUD = Set.of("warn", "error", "audit");

    private final AtomicLong warnings = new AtomicLong();
    private final Logger logger;

    FileLog(PrintWriter out) {
        logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "homeward-kdc";
                    case "toString" -> "FileLog";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        String name = method.getName();
                        if (name.startsWith("is")) {
                            yield Boolean.TRUE;
                        }
                        if (LEVELS.contains(name) && args != null && args.length > 0 && args[0] instanceof String f) {
                            if (LOUD.contains(name)) {
                                warnings.incrementAndGet();
                            }
                            String line = Instant.now() + " " + name.toUpperCase(Locale.ROOT) + " "
                                    + format(f, args);
                            synchronized (out) {
                                out.println(line);
                            }
                        }
                        yield null;
                    }
                });
    }

    Logger logger() {
        return logger;
    }

    long warnings() {
        return warnings.get();
    }

    /** The format with its arguments: those after it in the call, or the one array a varargs call passes. */
    private static String format(String format, Object[] call) {
        Object[] args = call.length == 2 && call[1] instanceof Object[] array ? array
                : Arrays.copyOfRange(call, 1, call.length);
        StringBuilder line = new StringBuilder();
        int from = 0;
        int next = 0;
        for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
            line.append(format, from, at).append(next < args.length ? String.valueOf(args[next++]) : "{}");
            from = at + 2;
        }
        line.append(format.substring(from));
        if (next < args.length && args[args.length - 1] instanceof Throwable thrown) {
            line.append(": ").append(thrown);
        }
        return line.toString();
    }
}
