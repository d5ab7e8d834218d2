package io.homeward.watcher.internal;

import java.time.Clock;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TextParseException;

import io.homeward.api.auth.TsigKey;

/** Signs and verifies messages with the user's TSIG key (RFC 8945). */
final class Signer {
    private final TSIG tsig;
    private final String description;

    Signer(TsigKey key, Clock clock) {
        try {
            Name algorithm = Name.fromString(key.algorithm().isEmpty() ? "hmac-sha256." : key.algorithm(), Name.root);
            if (TSIG.nameToAlgorithm(algorithm) == null) {
                throw new IllegalArgumentException("unsupported TSIG algorithm " + key.algorithm());
            }
            this.tsig = new TSIG(algorithm, Name.fromString(key.name(), Name.root),
                    new SecretKeySpec(key.secret(), TSIG.nameToAlgorithm(algorithm)), clock);
            this.description = key.toString();
        } catch (TextParseException e) {
            throw new IllegalArgumentException("invalid TSIG key name or algorithm in " + key, e);
        }
    }

    /** Signs a request or an unsolicited message; returns the wire form. */
    byte[] sign(Message message) {
        tsig.apply(message, null);
        return message.toWire();
    }

    /** Signs a response to {@code request} (RFC 8945 §4.3: the request's MAC is part of the input). */
    byte[] signResponse(Message message, TSIGRecord request) {
        tsig.apply(message, request);
        return message.toWire();
    }

    /**
     * True when the message parsed from {@code wire} carries a valid signature with our key;
     * {@code request} is the TSIG of the request it answers, or null for an unsolicited message.
     */
    boolean verify(Message message, byte[] wire, TSIGRecord request) {
        return message.getTSIG() != null && tsig.verify(message, wire, request) == Rcode.NOERROR;
    }

    @Override
    public String toString() {
        return description;
    }
}
