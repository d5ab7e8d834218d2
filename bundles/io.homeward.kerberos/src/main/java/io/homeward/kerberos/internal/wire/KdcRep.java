package io.homeward.kerberos.internal.wire;

import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * AS-REP ::= [APPLICATION 11] KDC-REP and TGS-REP ::= [APPLICATION 13] KDC-REP (RFC 4120 §5.4.2): padata (for
 * example PA-PK-AS-REP or PA-ETYPE-INFO2), the client, the ticket and the {@link EncKdcRepPart} encrypted in the
 * reply key.
 */
public record KdcRep(int messageType, List<PaData> padata, String crealm, PrincipalName cname, Ticket ticket,
        EncryptedData encPart) implements KerberosMessage {

    public KdcRep {
        if (messageType != AS_REP && messageType != TGS_REP) {
            throw new IllegalArgumentException("a KDC-REP is an AS-REP or a TGS-REP, not type " + messageType);
        }
        padata = List.copyOf(padata);
        Der.checkString(crealm, "a realm");
    }

    /** The first padata of {@code type}, if any. */
    public Optional<PaData> padata(int type) {
        return PaData.find(padata, type);
    }

    public static KdcRep decode(byte[] der) throws KerberosFormatException {
        ASN1Primitive value = Der.parse(der, "KDC-REP");
        int type = Der.applicationTag(value);
        if (type != AS_REP && type != TGS_REP) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_MSG_TYPE, "KDC-REP: not an AS-REP or TGS-REP");
        }
        String what = type == AS_REP ? "AS-REP" : "TGS-REP";
        Fields fields = Fields.of(Der.application(value, type, what), 6, what);
        fields.version(0, "pvno");
        fields.messageType(1, type);
        return new KdcRep(type, fields.list(2, "padata", PaData::fromAsn1), fields.string(3, "crealm"),
                fields.required(4, "cname", PrincipalName::fromAsn1), fields.required(5, "ticket", Ticket::fromAsn1),
                fields.required(6, "enc-part", EncryptedData::fromAsn1));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(messageType, Der.sequence(Der.field(0, Der.integer(PVNO)),
                Der.field(1, Der.integer(messageType)), Der.field(2, Der.optionalSequenceOf(padata)),
                Der.field(3, Der.string(crealm)), Der.field(4, cname.toAsn1()), Der.field(5, ticket.toAsn1()),
                Der.field(6, encPart.toAsn1())));
    }
}
