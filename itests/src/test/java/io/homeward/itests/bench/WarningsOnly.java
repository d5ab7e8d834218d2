package io.homeward.itests.bench;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.log.Logger;

/**
 * The load generator's OSGi {@link Logger}: debug and info (a line per handshake) are dropped, warnings and errors go
 * to stderr, the first {@link #SHOWN} of them with their arguments and then only counted, so a responder that
 * refuses every handshake cannot flood the terminal.
 */
final class WarningsOnly {
    static final int SHOWN = 20;
    private static final Set<String> LOUD = Set.of("warn", "error", "audit");

    private final AtomicInteger warnings = new AtomicInteger();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getName" -> "ike-load";
                case "isWarnEnabled", "isErrorEnabled" -> true;
                case "isTraceEnabled", "isDebugEnabled", "isInfoEnabled" -> false;
                case "toString" -> "WarningsOnly";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> {
                    if (LOUD.contains(method.getName()) && warnings.incrementAndGet() <= SHOWN) {
                        System.err.println("ike-load: " + method.getName() + " " + Arrays.deepToString(args));
                    }
                    yield null;
                }
            });

    Logger logger() {
        return logger;
    }

    int count() {
        return warnings.get();
    }
}
