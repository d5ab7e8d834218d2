package io.homeward.kerberos.internal.client;

import java.time.Instant;
import java.util.Locale;

import io.homeward.api.kerberos.HeldTicket;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.Ticket;

/**
 * A ticket this host holds with what the KDC told only the client (RFC 4120 §5.4.2 EncKDCRepPart): the session key
 * and the ticket's times. The ticket itself stays opaque, encrypted in the server's key.
 */
record ClientTicket(String crealm, PrincipalName cname, String srealm, PrincipalName sname, Ticket ticket,
        KerberosKey sessionKey, Instant start, Instant end) {

    /** The client's text form, {@code alice@HOME.ALICE.MEMBERS.EXAMPLE}. */
    String client() {
        return cname + "@" + crealm;
    }

    /** The server's text form, {@code HTTP/home.alice.members.example@HOME.ALICE.MEMBERS.EXAMPLE}. */
    String server() {
        return sname + "@" + srealm;
    }

    HeldTicket held() {
        return new HeldTicket(client(), server(), start, end,
                sessionKey.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
