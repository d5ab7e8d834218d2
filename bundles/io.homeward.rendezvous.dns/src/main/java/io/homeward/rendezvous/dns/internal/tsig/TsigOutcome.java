package io.homeward.rendezvous.dns.internal.tsig;

import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIGRecord;

/**
 * The verdict on a request's TSIG (RFC 8945 §5.2) and what it takes to sign the response.
 *
 * @param error   {@link Rcode#NOERROR}, {@link Rcode#BADKEY}, {@link Rcode#BADSIG} or {@link Rcode#BADTIME}
 * @param request the request's TSIG record
 * @param key     the key that verified it, null for BADKEY
 */
public record TsigOutcome(int error, TSIGRecord request, SigningKey key) {

    public boolean verified() {
        return error == Rcode.NOERROR;
    }

    /** The key name the request claims, lower case. */
    public Name keyName() {
        return request.getName().canonicalize();
    }
}
