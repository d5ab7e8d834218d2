package io.homeward.rendezvous.dns.internal.push;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.xbill.DNS.Name;

import io.homeward.api.dns.DnsResponder;
import io.homeward.rendezvous.dns.internal.watch.Question;

/** One TLS connection as the push server sees it, guarded by the {@link PushServer}. */
final class PushSession {
    final DnsResponder connection;
    /** Subscriptions by the message ID of their SUBSCRIBE (RFC 8765 §6.2). */
    final Map<Integer, Question> subscriptions = new LinkedHashMap<>();
    /** The zone a TSIG-signed SOA query bound the connection to; null until then. */
    Name zone;
    /** The name of the key that signed that query; null until then. */
    Name key;
    /** The server cookie the next binding query must carry; null when none is outstanding. */
    byte[] challenge;
    boolean established;
    /** Any message resets the keepalive timer (RFC 8490 §6.2). */
    Instant lastMessage;
    /** Any message but a Keepalive resets the inactivity timer. */
    Instant lastActivity;
    Instant lastPush;

    PushSession(DnsResponder connection, Instant now) {
        this.connection = connection;
        this.lastMessage = now;
        this.lastActivity = now;
    }

    void heard(Instant now, boolean keepaliveOnly) {
        lastMessage = now;
        if (!keepaliveOnly) {
            lastActivity = now;
        }
    }
}
