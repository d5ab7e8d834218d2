package io.homeward.kerberos.internal.client;

import java.util.Locale;
import java.util.Optional;

import io.homeward.kit.text.DnsLabel;

/**
 * The names a ticket request takes: a peer's fully qualified name (lower case, without the final dot) and its realm,
 * the name in upper case (docs/kerberos.md); a service name is one component without {@code /} or {@code @}.
 */
final class HostNames {
    private static final int MAX_NAME = 253;
    private static final int MAX_SERVICE = 64;

    private HostNames() {
    }

    /** The host's name in lower case without the final dot, or why it is not a host name. */
    static String normalize(String host) throws TicketRequestException {
        String name = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.length() > MAX_NAME || name.indexOf('.') < 0) {
            throw new TicketRequestException("not a fully qualified host name: '" + host + "'");
        }
        for (String label : name.split("\\.", -1)) {
            Optional<String> problem = DnsLabel.problem(label);
            if (problem.isPresent()) {
                throw new TicketRequestException(problem.get());
            }
        }
        return name;
    }

    static String service(String service) throws TicketRequestException {
        String name = service == null ? "" : service.trim();
        if (name.isEmpty() || name.length() > MAX_SERVICE || !name.chars().allMatch(c -> c > ' ' && c < 0x7f
                && c != '/' && c != '@' && c != '\\')) {
            throw new TicketRequestException("not a service name (like HTTP): '" + service + "'");
        }
        return name;
    }

    static String realm(String host) {
        return host.toUpperCase(Locale.ROOT);
    }
}
