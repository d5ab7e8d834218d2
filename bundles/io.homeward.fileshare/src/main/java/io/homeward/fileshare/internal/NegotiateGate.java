package io.homeward.fileshare.internal;

import java.util.Base64;
import java.util.Optional;

import io.homeward.api.kerberos.AuthenticatedClient;
import io.homeward.api.kerberos.AuthenticationRefusedException;
import io.homeward.api.kerberos.Negotiated;
import io.homeward.api.kerberos.ServiceAcceptor;

/**
 * HTTP Negotiate (RFC 4559 §4): reads {@code Authorization: Negotiate <base64 token>} and has the service's acceptor
 * validate the token. The outcome is the client with the token to send back, no credentials (challenge the client),
 * or a refusal with the Kerberos error code.
 */
final class NegotiateGate {
    private static final String SCHEME = "negotiate";

    /** What the gate decided about one request. */
    sealed interface Outcome permits Accepted, Challenge, Refused {
    }

    /** @param responseToken base64 for {@code WWW-Authenticate: Negotiate}, empty when there is none to send */
    record Accepted(AuthenticatedClient client, String responseToken) implements Outcome {
    }

    /** No Negotiate credentials: answer 401 with {@code WWW-Authenticate: Negotiate}. */
    record Challenge() implements Outcome {
    }

    /** @param errorCode the Kerberos error code (RFC 4120 §7.5.9), 0 when the header itself was malformed */
    record Refused(int errorCode, String reason) implements Outcome {
    }

    private final ServiceAcceptor acceptor;

    NegotiateGate(ServiceAcceptor acceptor) {
        this.acceptor = acceptor;
    }

    Outcome check(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return new Challenge();
        }
        String value = authorization.get().strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return new Challenge();
        }
        byte[] token;
        try {
            token = Base64.getDecoder().decode(value.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return new Refused(0, "the Negotiate token is not base64");
        }
        try {
            Negotiated negotiated = acceptor.acceptNegotiate(token);
            byte[] response = negotiated.responseToken();
            return new Accepted(negotiated.client(),
                    response.length == 0 ? "" : Base64.getEncoder().encodeToString(response));
        } catch (AuthenticationRefusedException e) {
            return new Refused(e.errorCode(), e.getMessage());
        }
    }
}
