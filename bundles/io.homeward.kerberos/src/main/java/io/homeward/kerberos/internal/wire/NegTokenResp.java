package io.homeward.kerberos.internal.wire;

import java.math.BigInteger;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * NegTokenResp (RFC 4178 §4.2.2): the negotiation state, the mechanism the acceptor chose, the mechanism's token
 * (for Kerberos a {@link GssKerberosToken} with the AP-REP) and a MIC.
 */
public record NegTokenResp(Optional<NegState> negState, Optional<ASN1ObjectIdentifier> supportedMech,
        Optional<byte[]> responseToken, Optional<byte[]> mechListMic) implements SpnegoToken {
    static final int CHOICE = 1;

    /** negState (RFC 4178 §4.2.2), by its ENUMERATED value. */
    public enum NegState {
        ACCEPT_COMPLETED, ACCEPT_INCOMPLETE, REJECT, REQUEST_MIC
    }

    public NegTokenResp {
        responseToken = responseToken.map(byte[]::clone);
        mechListMic = mechListMic.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> responseToken() {
        return responseToken.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> mechListMic() {
        return mechListMic.map(byte[]::clone);
    }

    static NegTokenResp fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 3, "NegTokenResp");
        return new NegTokenResp(fields.optional(0, "negState", NegTokenResp::negState),
                fields.optional(1, "supportedMech", oid -> Der.oid(oid, "supportedMech")),
                fields.optional(2, "responseToken", token -> Der.octets(token, "responseToken")),
                fields.optional(3, "mechListMIC", mic -> Der.octets(mic, "mechListMIC")));
    }

    private static NegState negState(ASN1Primitive value) throws KerberosFormatException {
        if (!(value instanceof ASN1Enumerated enumerated)) {
            throw new KerberosFormatException("negState: not ENUMERATED");
        }
        BigInteger state = enumerated.getValue();
        if (state.signum() < 0 || state.compareTo(BigInteger.valueOf(NegState.values().length)) >= 0) {
            throw new KerberosFormatException("negState " + state + " is not one of RFC 4178 §4.2.2");
        }
        return NegState.values()[state.intValue()];
    }

    @Override
    public byte[] encode() {
        ASN1Primitive body = Der.sequence(
                Der.field(0, negState.map(state -> new ASN1Enumerated(state.ordinal())).orElse(null)),
                Der.field(1, supportedMech.orElse(null)), Der.field(2, responseToken.map(Der::octets).orElse(null)),
                Der.field(3, mechListMic.map(Der::octets).orElse(null)));
        return Der.encode(new DERTaggedObject(true, CHOICE, body));
    }
}
