package io.homeward.itests.bench;

import java.security.SecureRandom;

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
 * The two SOA queries that bind a DNS-over-TLS connection for DNS Push: an unsigned one with a client cookie
 * (RFC 7873) asks for the connection's server cookie; the one to sign with the zone's key echoes both.
 */
public final class CookieBinding {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CookieBinding() {
    }

    public static Message challenge(Name zone) {
        byte[] clientCookie = new byte[8];
        RANDOM.nextBytes(clientCookie);
        return soa(zone, new CookieOption(clientCookie));
    }

    /** The query to sign: the cookies of the server's answer to {@link #challenge}. */
    public static Message proof(Name zone, Message answer) {
        OPTRecord opt = answer.getOPT();
        if (opt == null || opt.getOptions(EDNSOption.Code.COOKIE).isEmpty()) {
            throw new IllegalStateException("the server's SOA answer carries no DNS Cookie");
        }
        return soa(zone, opt.getOptions(EDNSOption.Code.COOKIE).get(0));
    }

    private static Message soa(Name zone, EDNSOption cookie) {
        Message query = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        query.addRecord(new OPTRecord(1232, 0, 0, 0, cookie), Section.ADDITIONAL);
        return query;
    }
}
