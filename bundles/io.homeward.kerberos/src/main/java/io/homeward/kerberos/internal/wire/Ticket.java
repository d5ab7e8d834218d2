package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Ticket ::= [APPLICATION 1] (RFC 4120 §5.3): the service's realm and name in the clear and the
 * {@link EncTicketPart} encrypted in the service's key.
 */
public record Ticket(String realm, PrincipalName sname, EncryptedData encPart) implements DerEncodable {
    public static final int APPLICATION_TAG = 1;
    private static final int TKT_VNO = 5;

    public Ticket {
        Der.checkString(realm, "a realm");
    }

    public static Ticket decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "Ticket"));
    }

    public static Ticket fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(Der.application(value, APPLICATION_TAG, "Ticket"), 3, "Ticket");
        fields.version(0, "tkt-vno");
        return new Ticket(fields.string(1, "realm"), fields.required(2, "sname", PrincipalName::fromAsn1),
                fields.required(3, "enc-part", EncryptedData::fromAsn1));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.application(APPLICATION_TAG, Der.sequence(Der.field(0, Der.integer(TKT_VNO)),
                Der.field(1, Der.string(realm)), Der.field(2, sname.toAsn1()), Der.field(3, encPart.toAsn1())));
    }
}
