package io.homeward.api.kerberos;

import java.time.Instant;

/**
 * A ticket this host holds.
 *
 * @param client    the client principal's text form
 * @param server    the server principal's text form, {@code krbtgt/REALM@REALM} for a ticket-granting ticket
 * @param start     when the ticket starts
 * @param end       when it ends
 * @param encryption the session key's encryption type name, for example {@code aes256-cts-hmac-sha384-192}
 * @since 1.0
 */
public record HeldTicket(String client, String server, Instant start, Instant end, String encryption) {
}
