package io.homeward.kit.dns;

import java.util.Arrays;
import java.util.Optional;

import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The queries that bind a DNS-over-TLS connection to a zone for DNS Push (RFC 8765 leaves authorization to
 * the server; DSO messages cannot carry TSIG, RFC 8490 §5.4.4): an unsigned SOA query for the zone with a client cookie (RFC 7873 §4.1) makes the server answer with a server
 * cookie it chose for this connection only; the SOA query signed with the zone's key and carrying both cookies
 * (the TSIG MAC covers them) then binds the connection. The server forgets the server cookie once used, so the
 * signed query proves nothing on any other connection, nor a second time on the same one.
 */
public final class PushBinding {
    /** RFC 7873 §4: the client cookie is 8 bytes. */
    public static final int CLIENT_COOKIE_BYTES = 8;
    private static final int PAYLOAD = 1232;

    private PushBinding() {
    }

    /** The unsigned SOA query that asks for this connection's server cookie. */
    public static Message challenge(Name zone, byte[] clientCookie) {
        return soa(zone, new CookieOption(clientCookie));
    }

    /** The server cookie of an answer that echoes our client cookie (RFC 7873 §5.3); empty without one. */
    public static Optional<byte[]> serverCookie(Message answer, byte[] clientCookie) {
        return cookieOf(answer).filter(c -> Arrays.equals(c.getClientCookie(), clientCookie))
                .flatMap(CookieOption::getServerCookie);
    }

    /** The SOA query that, signed with the zone's key, binds the connection; without a server cookie, a plain one. */
    public static Message proof(Name zone, byte[] clientCookie, Optional<byte[]> serverCookie) {
        return serverCookie.map(server -> soa(zone, new CookieOption(clientCookie, server)))
                .orElseGet(() -> soa(zone, null));
    }

    /** The COOKIE option of a message, if it has one. */
    public static Optional<CookieOption> cookieOf(Message message) {
        OPTRecord opt = message.getOPT();
        return opt == null ? Optional.empty()
                : opt.getOptions(EDNSOption.Code.COOKIE).stream().findFirst().map(CookieOption.class::cast);
    }

    private static Message soa(Name zone, CookieOption cookie) {
        Message query = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        if (cookie != null) {
            query.addRecord(new OPTRecord(PAYLOAD, 0, 0, 0, cookie), Section.ADDITIONAL);
        }
        return query;
    }
}
