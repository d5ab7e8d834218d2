package io.homeward.registrar.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Socket addresses as an operator writes them in the configuration: {@code 127.0.0.1:8853}, {@code [::1]:8853}. */
final class Endpoints {
    private Endpoints() {
    }

    static String text(InetSocketAddress endpoint) {
        if (endpoint.getAddress() == null) {
            return endpoint.getHostString() + ":" + endpoint.getPort();
        }
        String host = endpoint.getAddress().getHostAddress();
        return (endpoint.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + endpoint.getPort();
    }
}
