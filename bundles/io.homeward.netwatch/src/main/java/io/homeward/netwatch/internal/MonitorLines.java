package io.homeward.netwatch.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

/**
 * Reads one line of {@code ip -o monitor link address route}: a link line ({@code 3: v0@v1: <FLAGS> ...}),
 * an address line ({@code 3: v0    inet 10.9.0.2/24 ...}) or a route line, each prefixed with
 * {@code Deleted } when something went away. Only default routes count among routes: the others
 * follow from address changes already reported.
 */
final class MonitorLines {
    private static final String DELETED = "Deleted ";
    private static final Pattern DEVICE = Pattern.compile("\\sdev (\\S+)");
    private static final Pattern LINK = Pattern.compile("^\\d+: ([^:@\\s]+)(?:@\\S+)?: <([^>]*)>");
    private static final Pattern ADDRESS = Pattern.compile("^\\d+: (\\S+)\\s+(inet6?) (\\S+)");

    private MonitorLines() {
    }

    static Optional<NetworkChange> parse(String line, Instant seen) {
        boolean deleted = line.startsWith(DELETED);
        String body = deleted ? line.substring(DELETED.length()) : line;
        Matcher m = ADDRESS.matcher(body);
        if (m.find()) {
            String name = m.group(1);
            return Optional.of(new NetworkChange(deleted ? Kind.ADDRESS_REMOVED : Kind.ADDRESS_ADDED,
                    Optional.of(name), m.group(3) + (deleted ? " removed from " : " added on ") + name, seen));
        }
        m = LINK.matcher(body);
        if (m.find()) {
            String name = m.group(1);
            List<String> flags = Arrays.asList(m.group(2).split(","));
            // A veth whose peer is down shows LOWER_UP next to NO-CARRIER: no carrier wins.
            boolean up = !deleted && flags.contains("UP") && flags.contains("LOWER_UP") && !flags.contains("NO-CARRIER");
            return Optional.of(new NetworkChange(up ? Kind.LINK_UP : Kind.LINK_DOWN, Optional.of(name),
                    name + (deleted ? " is gone" : up ? " is up" : " is down"), seen));
        }
        if (body.startsWith("default ")) {
            Matcher r = DEVICE.matcher(body);
            Optional<String> name = r.find() ? Optional.of(r.group(1)) : Optional.empty();
            return Optional.of(new NetworkChange(Kind.DEFAULT_ROUTE_CHANGED, name,
                    (deleted ? "default route removed: " : "default route ") + body.trim(), seen));
        }
        return Optional.empty();
    }
}
