package io.homeward.rendezvous.dns.internal.response;

import java.util.List;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.OPTRecord;

import io.homeward.api.dns.DnsTransport;

/** EDNS(0) as this server speaks it (RFC 6891): version 0 only, and the size a response may have. */
public final class EdnsPolicy {
    /** The smallest payload every DNS client takes over UDP (RFC 1035 §2.3.4). */
    public static final int MIN_UDP_PAYLOAD = 512;
    /** The largest message a stream carries: its length field has 16 bits (RFC 1035 §4.2.2). */
    public static final int STREAM_LIMIT = 65535;

    private final int payload;

    public EdnsPolicy(int payload) {
        this.payload = payload;
    }

    /**
     * The largest response the client can take: anything on a stream; over UDP 512 bytes without EDNS,
     * otherwise the client's size clamped to [512, ours] (RFC 6891 §6.2.3, §6.2.5).
     */
    int responseLimit(OPTRecord requestOpt, DnsTransport transport) {
        if (transport.isStream()) {
            return STREAM_LIMIT;
        }
        if (requestOpt == null) {
            return MIN_UDP_PAYLOAD;
        }
        return Math.max(MIN_UDP_PAYLOAD, Math.min(payload, requestOpt.getPayloadSize()));
    }

    /**
     * The response's OPT: our payload size, the upper bits of the RCODE, version 0 (§6.1.3), and the query's
     * DO bit copied (RFC 3225 §3).
     */
    OPTRecord responseOpt(OPTRecord requestOpt, int rcode, List<EDNSOption> options) {
        return new OPTRecord(payload, rcode >>> 4, 0, requestOpt.getFlags() & ExtendedFlags.DO, options);
    }
}
