package io.homeward.console.internal.network;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.homeward.api.kerberos.HeldTicket;
import io.homeward.api.kerberos.KdcStatus;
import io.homeward.api.kerberos.KerberosServices;
import io.homeward.api.kerberos.ServiceTickets;

/**
 * What the Kerberos section shows (docs/kerberos.md "The console's Kerberos section"): this host's KDC and the tickets
 * this host holds for services on the user's other hosts, each with the line that says why it is absent.
 *
 * @param kdc            {@code KerberosServices.status()}; empty while no KDC answers here
 * @param kdcMissing     why {@code kdc} is empty; null when it is present
 * @param tickets        {@code ServiceTickets.tickets()}; empty while the client does not run here
 * @param ticketsMissing why {@code tickets} is empty; null when they are present
 * @param now            the time the tickets' remaining lifetimes are counted from
 */
record KerberosFacts(Optional<KdcStatus> kdc, String kdcMissing, Optional<List<HeldTicket>> tickets,
        String ticketsMissing, Instant now) {
    static final String BUNDLE = "io.homeward.kerberos";
    static final String NOT_INSTALLED = "Kerberos is not installed on this host (bundle " + BUNDLE + ").";
    /** The KDC's service is there while the agent's parts it needs are (docs/kerberos.md "The component"). */
    static final String NO_KDC = "Not running: the KDC needs this host's identity, the peer directory and the "
            + "revocation list of the agent.";
    static final String NO_CLIENT = "Not running: the Kerberos client needs the peer directory and the revocation "
            + "list of a signed-in agent.";

    KerberosFacts {
        tickets = tickets.map(List::copyOf);
    }

    /** Reads both services; either may be null (an optional dynamic reference), not both. */
    static KerberosFacts read(KerberosServices kdc, ServiceTickets client, Instant now) {
        Optional<KdcStatus> status = Optional.ofNullable(kdc).map(KerberosServices::status);
        Optional<List<HeldTicket>> tickets = Optional.ofNullable(client).map(ServiceTickets::tickets);
        return new KerberosFacts(status, status.isPresent() ? null : NO_KDC, tickets,
                tickets.isPresent() ? null : NO_CLIENT, now);
    }
}
