package io.homeward.api.kerberos;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.util.promise.Promise;

/**
 * Tickets for services on the user's other hosts, obtained with this host's certificate: PKINIT to the other
 * host's KDC through the tunnel (RFC 4556), then the TGS exchange (RFC 4120 §3.3). Tickets are kept until they end.
 *
 * @since 1.0
 */
@ProviderType
public interface ServiceTickets {

    /**
     * A ticket for {@code service/host} in the realm of that host, from the cache or newly obtained. Fails with a
     * one-line reason (no such host of the user, its KDC unreachable, a KRB-ERROR with its code).
     *
     * @param service the service part, for example {@code HTTP}
     * @param host    the other host's fully qualified name, for example {@code home.alice.members.example}
     */
    Promise<HeldTicket> ticket(String service, String host);

    /**
     * An SPNEGO initial token (RFC 4178) carrying an AP-REQ for {@code service/host}, for an
     * {@code Authorization: Negotiate} header (RFC 4559 §4).
     */
    Promise<byte[]> negotiateToken(String service, String host);

    /** The tickets held now, ticket-granting tickets included. */
    List<HeldTicket> tickets();
}
