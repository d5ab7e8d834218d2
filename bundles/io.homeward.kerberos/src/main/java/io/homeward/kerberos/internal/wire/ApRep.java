package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * AP-REP ::= [APPLICATION 15] (RFC 4120 §5.5.2): the service's answer for mutual authentication, an
 * {@link EncApRepPart} encrypted in the ticket's session key.
 */
public record ApRep(EncryptedData encPart) implements KerberosMessage {

    @Override
    public int messageType() {
        return AP_REP;
    }

    public static ApRep decode(byte[] der) throws KerberosFormatException {
        Fields fields = Fields.of(Der.application(Der.parse(der, "AP-REP"), AP_REP, "AP-REP"), 2, "AP-REP");
        fields.version(0, "pvno");
        fields.messageType(1, AP_REP);
        return new ApRep(fields.required(2, "enc-part", EncryptedData::fromAsn1));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(AP_REP, Der.sequence(Der.field(0, Der.integer(PVNO)), Der.field(1, Der.integer(AP_REP)),
                Der.field(2, encPart.toAsn1())));
    }
}
