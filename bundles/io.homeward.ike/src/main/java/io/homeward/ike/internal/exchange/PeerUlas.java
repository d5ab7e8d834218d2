package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.util.Optional;

/**
 * The ULA of a host of the user, by its FQDN (its AAAA record, docs/architecture.md): what a responder narrows the
 * initiator's traffic selectors to once the certificate proved the FQDN (RFC 7296 §2.9, ikev2.md §10.4).
 */
public interface PeerUlas {

    Optional<Inet6Address> ula(String fqdn);
}
