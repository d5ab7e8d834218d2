package io.homeward.api.kerberos;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Validates, for one registered service, what a client presents: a Kerberos AP-REQ (RFC 4120 §3.2), or an SPNEGO
 * token (RFC 4178) as carried by HTTP Negotiate (RFC 4559). Each checks the ticket (issued by this host's KDC for
 * this service, in its lifetime), the authenticator (its key, the clock skew, never seen before) and answers who the
 * client is.
 *
 * @since 1.0
 */
@ProviderType
public interface ServiceAcceptor extends AutoCloseable {

    /** The service principal, for example {@code HTTP/home.alice.members.example@HOME.ALICE.MEMBERS.EXAMPLE}. */
    String principal();

    /**
     * Validates an SPNEGO token (the decoded value of an {@code Authorization: Negotiate} header) that carries a
     * Kerberos AP-REQ.
     *
     * @return the authenticated client and the token to send back ({@code WWW-Authenticate: Negotiate <token>}) for
     *         mutual authentication
     * @throws AuthenticationRefusedException with the Kerberos error code and a one-line reason
     */
    Negotiated acceptNegotiate(byte[] token) throws AuthenticationRefusedException;

    /**
     * Validates a bare AP-REQ (or a GSS-API Kerberos initial token, RFC 4121 §4.1).
     *
     * @throws AuthenticationRefusedException with the Kerberos error code and a one-line reason
     */
    AuthenticatedClient accept(byte[] apReq) throws AuthenticationRefusedException;

    /** Stops accepting for this acceptor; the principal stays registered while other acceptors of it are open. */
    @Override
    void close();
}
