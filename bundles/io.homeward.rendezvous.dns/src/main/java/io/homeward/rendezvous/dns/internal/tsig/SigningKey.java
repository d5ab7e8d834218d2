package io.homeward.rendezvous.dns.internal.tsig;

import java.time.Clock;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** A TSIG key bound to the algorithm one request used. */
public record SigningKey(Name name, Name algorithm, String jcaName, byte[] secret) {

    public TSIG tsig(Clock clock) {
        return new TSIG(algorithm, name, new SecretKeySpec(secret, jcaName), clock);
    }
}
