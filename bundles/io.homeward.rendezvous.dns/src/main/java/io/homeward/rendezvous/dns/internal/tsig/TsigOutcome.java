package io.homeward.rendezvous.dns.internal.tsig;

import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIGRecord;

/**
 * The verdict on a request's TSIG (RFC 8945 §5.2) and what it takes to sign the response.
 *
 * @param error   {@link Rcode#NOERROR}, {@link Rcode#BADKEY}, {@link Rcode#FORMERR} (a MAC truncated below the
 *                RFC 8945 §5.2.2.1 minimum), {@link Rcode#BADSIG} or {@link Rcode#BADTIME}
 * @param request the request's TSIG record
 * @param key     the key that verified it, null for BADKEY and FORMERR
 * @param rights  what the key may change, null unless the key is known
 */
public record TsigOutcome(int error, TSIGRecord request, SigningKey key, KeyRights rights) {

    public boolean verified() {
        return error == Rcode.NOERROR;
    }

    /** The MAC is too short or too long for its algorithm: the request gets FORMERR and no TSIG. */
    public boolean malformed() {
        return error == Rcode.FORMERR;
    }

    /** The key name the request claims, lower case. */
    public Name keyName() {
        return request.getName().canonicalize();
    }

    /** True when the verified key belongs to this zone, the user's master key or one of the user's host keys. */
    public boolean keyOf(Name zone) {
        return rights != null && rights.zone().equals(zone.canonicalize());
    }
}
