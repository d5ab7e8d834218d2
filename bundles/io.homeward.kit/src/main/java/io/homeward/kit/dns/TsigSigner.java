package io.homeward.kit.dns;

import java.time.Clock;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TextParseException;

import io.homeward.api.auth.TsigKey;

/** Signs and verifies messages with the user's password-derived key (TSIG, RFC 8945). */
public final class TsigSigner {
    private final TSIG tsig;
    private final String description;

    /** @throws IllegalArgumentException when the key's name or algorithm is unusable */
    public TsigSigner(TsigKey key, Clock clock) {
        try {
            Name algorithm = Name.fromString(key.algorithm().isEmpty() ? "hmac-sha256." : key.algorithm(), Name.root);
            String jca = jcaName(algorithm);
            if (jca == null) {
                throw new IllegalArgumentException("the key " + key.name() + " uses the unsupported TSIG algorithm "
                        + key.algorithm());
            }
            this.tsig = new TSIG(algorithm, Name.fromString(key.name(), Name.root), new SecretKeySpec(key.secret(), jca),
                    clock);
            this.description = key.toString();
        } catch (TextParseException e) {
            throw new IllegalArgumentException("the key " + key + " has an invalid name or algorithm", e);
        }
    }

    /** The JCA MAC name of a TSIG algorithm, null for one dnsjava does not know. */
    private static String jcaName(Name algorithm) {
        try {
            return TSIG.nameToAlgorithm(algorithm);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Signs a request or an unsolicited message (the TSIG RR goes last in the additional section); the wire form. */
    public byte[] sign(Message message) {
        tsig.apply(message, null);
        return message.toWire();
    }

    /** Signs a response to {@code request} (RFC 8945 §4.3: the request's MAC is part of the input). */
    public byte[] signResponse(Message message, TSIGRecord request) {
        tsig.apply(message, request);
        return message.toWire();
    }

    /**
     * True when the message parsed from {@code wire} carries a valid signature with this key (RFC 8945 §5.3);
     * {@code request} is the TSIG of the request it answers, or null for an unsolicited message.
     */
    public boolean verify(Message message, byte[] wire, TSIGRecord request) {
        return message.getTSIG() != null && tsig.verify(message, wire, request) == Rcode.NOERROR;
    }

    @Override
    public String toString() {
        return description;
    }
}
