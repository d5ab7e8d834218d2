package io.homeward.kit.net;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Optional;

/** Endpoints as operators write them: {@code 11.0.0.10:3478}, {@code [2001:db8::1]:3478}. */
public final class Endpoints {
    private Endpoints() {
    }

    public static String text(InetSocketAddress endpoint) {
        if (endpoint.getAddress() == null) {
            return endpoint.getHostString() + ":" + endpoint.getPort();
        }
        String host = endpoint.getAddress().getHostAddress();
        return (endpoint.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + endpoint.getPort();
    }

    /** Empty for blank text; {@link IllegalArgumentException} naming the setting for anything unparsable. */
    public static Optional<InetSocketAddress> parse(String key, String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int colon = value.lastIndexOf(':');
        String host = colon > 0 ? value.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (host.isEmpty() || port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new IllegalArgumentException(key + ": cannot resolve '" + host + "'");
            }
            return Optional.of(address);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be address:port (IPv6 as [address]:port), got '" + text + "'");
        }
    }
}
