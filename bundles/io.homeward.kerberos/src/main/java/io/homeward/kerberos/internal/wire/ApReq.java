package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * AP-REQ ::= [APPLICATION 14] (RFC 4120 §5.5.1): options, the ticket, and the {@link Authenticator} encrypted in
 * the ticket's session key. It travels in a TGS-REQ's PA-TGS-REQ and in GSS-API tokens ({@link GssKerberosToken}).
 */
public record ApReq(KerberosFlags apOptions, Ticket ticket, EncryptedData authenticator) implements KerberosMessage {

    @Override
    public int messageType() {
        return AP_REQ;
    }

    public static ApReq decode(byte[] der) throws KerberosFormatException {
        Fields fields = Fields.of(Der.application(Der.parse(der, "AP-REQ"), AP_REQ, "AP-REQ"), 4, "AP-REQ");
        fields.version(0, "pvno");
        fields.messageType(1, AP_REQ);
        return new ApReq(fields.required(2, "ap-options", KerberosFlags::fromAsn1),
                fields.required(3, "ticket", Ticket::fromAsn1),
                fields.required(4, "authenticator", EncryptedData::fromAsn1));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(AP_REQ, Der.sequence(Der.field(0, Der.integer(PVNO)), Der.field(1, Der.integer(AP_REQ)),
                Der.field(2, apOptions.toAsn1()), Der.field(3, ticket.toAsn1()), Der.field(4, authenticator.toAsn1())));
    }
}
