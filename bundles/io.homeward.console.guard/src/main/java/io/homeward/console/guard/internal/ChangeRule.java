package io.homeward.console.guard.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a state-changing console request may proceed: it must come from the console's own origin (or a
 * trusted one) and carry the login's token. Browsers send {@code Origin} on every request that is neither GET nor HEAD
 * (Fetch standard, "append a request Origin header"); without it the {@code Referer} stands in, and a request with
 * neither is refused, so a page that suppresses both gains nothing. Origins compare as scheme, host and port
 * (RFC 6454 §5), a missing port standing for the scheme's default.
 */
final class ChangeRule {
    private final Set<String> trusted;

    /** {@code trustedOrigins}: further origins allowed to send changes, such as a reverse proxy's public one. */
    ChangeRule(Collection<String> trustedOrigins) {
        this.trusted = trustedOrigins.stream().map(ChangeRule::origin).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    /**
     * Why the request is refused, or empty when it may proceed. {@code self} is the console's own origin as the
     * request addressed it (scheme and {@code Host}); {@code origin} and {@code referer} are the request's headers or null.
     */
    Optional<Refusal> judge(String self, String origin, String referer, boolean tokenValid) {
        String claimed = origin != null ? origin : referer;
        Optional<String> from = claimed == null ? Optional.empty() : origin(claimed);
        if (from.isEmpty() || !(from.equals(origin(self)) || trusted.contains(from.get()))) {
            return Optional.of(Refusal.CROSS_ORIGIN);
        }
        return tokenValid ? Optional.empty() : Optional.of(Refusal.NO_TOKEN);
    }

    /** The trusted origins in their compared form, for the report. */
    Set<String> trusted() {
        return Set.copyOf(trusted);
    }

    /** {@code scheme://host:port} of an http(s) URL or origin, lower case and with an explicit port; empty otherwise. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int defaultPort = switch (scheme) {
                case "http" -> 80;
                case "https" -> 443;
                default -> -1;
            };
            if (defaultPort < 0 || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
