package io.homeward.resolver.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;

import io.homeward.kit.net.Endpoints;

/** Why the name server could not bind its address, in words that say what to do. */
final class BindFailure {
    private BindFailure() {
    }

    static String explain(IOException failure, InetSocketAddress at) {
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String where = Endpoints.text(at);
        if (lower.contains("permission denied") || lower.contains("access denied")) {
            return "cannot listen on " + where + ": ports below 1024 need root or CAP_NET_BIND_SERVICE (for example "
                    + "AmbientCapabilities=CAP_NET_BIND_SERVICE in the service unit), or configure another port in "
                    + "io.homeward.resolver";
        }
        if (lower.contains("address already in use")) {
            return "cannot listen on " + where + ": another program already listens there";
        }
        if (lower.contains("cannot assign requested address")) {
            return "cannot listen on " + where + ": the address is not on any interface (yet)";
        }
        return "cannot listen on " + where + ": " + message;
    }
}
