package io.homeward.portmap.pcp.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

/** An OSGi logger that keeps every line, "{}" filled in, prefixed with its level. */
final class RecordingLogger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    lines.add(method.getName().toUpperCase() + " " + fill(format, args));
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });

    boolean has(String level, String text) {
        return lines.stream().anyMatch(line -> line.startsWith(level) && line.contains(text));
    }

    private static String fill(String format, Object[] args) {
        Object[] values = args.length == 2 && args[1] instanceof Object[] array ? array : java.util.Arrays.copyOfRange(args, 1, args.length);
        StringBuilder out = new StringBuilder(format);
        for (Object value : values) {
            int at = out.indexOf("{}");
            if (at < 0) {
                break;
            }
            out.replace(at, at + 2, String.valueOf(value));
        }
        return out.toString();
    }
}
