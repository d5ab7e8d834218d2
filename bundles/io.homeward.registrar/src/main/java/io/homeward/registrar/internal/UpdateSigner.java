package io.homeward.registrar.internal;

import java.time.Clock;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TextParseException;

import io.homeward.api.auth.TsigKey;

/** TSIG (RFC 8945) with the user's password-derived key. */
final class UpdateSigner {
    private final TSIG tsig;

    UpdateSigner(TsigKey key, Clock clock) throws UpdateFailure {
        try {
            Name algorithm = Name.fromString(key.algorithm(), Name.root);
            String jca = TSIG.nameToAlgorithm(algorithm);
            if (jca == null) {
                throw new UpdateFailure("the key " + key.name() + " uses the unsupported TSIG algorithm "
                        + key.algorithm());
            }
            tsig = new TSIG(algorithm, Name.fromString(key.name(), Name.root), new SecretKeySpec(key.secret(), jca),
                    clock);
        } catch (TextParseException e) {
            throw new UpdateFailure("the key " + key + " has an invalid name or algorithm", e);
        }
    }

    /** Adds the TSIG RR as the last additional record and returns the wire form. */
    byte[] sign(Message message) {
        tsig.apply(message, null);
        return message.toWire();
    }

    /** RFC 8945 §5.3: a response is MACed together with the request's MAC. */
    boolean verify(Message response, byte[] wire, TSIGRecord request) {
        return tsig.verify(response, wire, request) == Rcode.NOERROR;
    }
}
