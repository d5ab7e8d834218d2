package io.homeward.api.dns;

import java.util.Locale;

/** How a message reached the server. */
public enum DnsTransport {
    /** RFC 1035 §4.2.1: one message per datagram, size-limited (EDNS(0) RFC 6891 raises the limit). */
    UDP,
    /** RFC 7766: two-octet length prefix, several messages per connection. */
    TCP,
    /** RFC 7858: as TCP, inside TLS. */
    TLS;

    /** True for the connection-oriented transports that can carry unsolicited messages later (LLQ events, DSO). */
    public boolean isStream() {
        return this != UDP;
    }

    /**
     * The operator-facing name: {@code udp}, {@code tcp} or {@code tls}.
     *
     * @since 1.2
     */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
