package io.homeward.kerberos.internal.wire;

import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * AS-REQ ::= [APPLICATION 10] KDC-REQ and TGS-REQ ::= [APPLICATION 12] KDC-REQ (RFC 4120 §5.4.1): the padata and
 * the request body. {@link #bodyDer()} are the req-body's octets exactly as received (or as encoded, for a request
 * built here): PKINIT's paChecksum (RFC 4556 §3.2.1) and the TGS authenticator's checksum (RFC 4120 §7.2.2 of
 * KRB_TGS_REQ, §5.5.1) are computed over them, not over a re-encoding.
 */
public record KdcReq(int messageType, List<PaData> padata, KdcReqBody body, byte[] bodyDer)
        implements KerberosMessage {

    public KdcReq {
        if (messageType != AS_REQ && messageType != TGS_REQ) {
            throw new IllegalArgumentException("a KDC-REQ is an AS-REQ or a TGS-REQ, not type " + messageType);
        }
        padata = List.copyOf(padata);
        bodyDer = bodyDer.clone();
    }

    /** A request built here: its body's octets are the body's encoding. */
    public static KdcReq of(int messageType, List<PaData> padata, KdcReqBody body) {
        return new KdcReq(messageType, padata, body, body.encode());
    }

    @Override
    public byte[] bodyDer() {
        return bodyDer.clone();
    }

    /** The first padata of {@code type}, if any. */
    public Optional<PaData> padata(int type) {
        return PaData.find(padata, type);
    }

    public static KdcReq decode(byte[] der) throws KerberosFormatException {
        ASN1Primitive value = Der.parse(der, "KDC-REQ");
        int type = Der.applicationTag(value);
        if (type != AS_REQ && type != TGS_REQ) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_MSG_TYPE, "KDC-REQ: not an AS-REQ or TGS-REQ");
        }
        String what = type == AS_REQ ? "AS-REQ" : "TGS-REQ";
        Fields fields = Fields.of(Der.application(value, type, what), 1, 4, what);
        fields.version(1, "pvno");
        fields.messageType(2, type);
        List<PaData> padata = fields.list(3, "padata", PaData::fromAsn1);
        KdcReqBody body = fields.required(4, "req-body", KdcReqBody::fromAsn1);
        return new KdcReq(type, padata, body, TlvScan.explicitField(der, 4));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(messageType, Der.sequence(Der.field(1, Der.integer(PVNO)),
                Der.field(2, Der.integer(messageType)), Der.field(3, Der.optionalSequenceOf(padata)),
                Der.field(4, body.toAsn1())));
    }
}
