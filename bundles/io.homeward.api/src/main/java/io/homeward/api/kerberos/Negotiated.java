package io.homeward.api.kerberos;

/**
 * The outcome of an accepted SPNEGO token.
 *
 * @param client        who the client is
 * @param responseToken the SPNEGO token to answer with (RFC 4178 §4.2.2, accept-completed with the AP-REP)
 * @since 1.0
 */
public record Negotiated(AuthenticatedClient client, byte[] responseToken) {
}
