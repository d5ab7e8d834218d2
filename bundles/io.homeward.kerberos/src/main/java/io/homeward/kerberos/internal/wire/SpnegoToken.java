package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * A SPNEGO NegotiationToken (RFC 4178 §4.2): the initiator's first token, a {@link NegTokenInit} in the GSS-API
 * framing with the SPNEGO OID, or any later token, a bare {@link NegTokenResp}. This is what an HTTP Negotiate
 * header carries (RFC 4559 §4), base64 aside.
 */
public sealed interface SpnegoToken permits NegTokenInit, NegTokenResp {
    byte[] encode();

    static SpnegoToken decode(byte[] token) throws KerberosFormatException {
        if (token.length > 0 && (token[0] & 0xff) == 0xa1) {
            return NegTokenResp.fromAsn1(choice(Der.parse(token, "NegTokenResp"), NegTokenResp.CHOICE, "NegTokenResp"));
        }
        GssInitialToken framed = GssInitialToken.decode(token);
        if (!GssMechanisms.SPNEGO.equals(framed.mech())) {
            throw new KerberosFormatException("GSS-API token for mechanism " + framed.mech() + ", not SPNEGO");
        }
        return NegTokenInit.fromAsn1(
                choice(Der.parse(framed.innerToken(), "NegTokenInit"), NegTokenInit.CHOICE, "NegTokenInit"));
    }

    /** The contents of the NegotiationToken CHOICE's {@code [choice]} EXPLICIT. */
    private static ASN1Primitive choice(ASN1Primitive value, int choice, String what) throws KerberosFormatException {
        if (!(value instanceof ASN1TaggedObject tagged) || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC
                || tagged.getTagNo() != choice) {
            throw new KerberosFormatException(what + ": not NegotiationToken [" + choice + "]");
        }
        return Der.explicitContents(tagged, what);
    }
}
