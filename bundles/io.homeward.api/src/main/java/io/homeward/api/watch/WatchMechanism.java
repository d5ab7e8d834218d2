package io.homeward.api.watch;

/**
 * How changes to a watched name arrive. {@link #text()} (and {@link #toString()}) is the name operators see in the
 * shell, the console and JSON.
 *
 * @since 2.0
 */
public enum WatchMechanism {
    /** DNS Push Notifications over TLS (RFC 8765). */
    DNS_PUSH("dns-push"),
    /** Long-lived queries over TLS (RFC 8764 §6). */
    LLQ_TLS("llq-tls"),
    /** Long-lived queries over plain TCP (RFC 8764 §6); held by servers only, clients use TLS. */
    LLQ_TCP("llq-tcp"),
    /** Long-lived queries over UDP (RFC 8764 §5). */
    LLQ_UDP("llq-udp"),
    /** Repeated queries. */
    POLL("poll"),
    /** Nothing delivers changes: signed out, or every mechanism failed and a retry is pending. */
    NONE("none");

    private final String text;

    WatchMechanism(String text) {
        this.text = text;
    }

    /** The operator-facing name, for example {@code dns-push}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
