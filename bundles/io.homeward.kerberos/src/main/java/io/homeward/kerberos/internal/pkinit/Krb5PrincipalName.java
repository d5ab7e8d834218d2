package io.homeward.kerberos.internal.pkinit;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralString;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DERSequence;

/**
 * A principal with its realm, as RFC 4556 §3.2.2 encodes it in the id-pkinit-san and RFC 8636 §6 in the KDF's
 * partyUInfo/partyVInfo: {@code KRB5PrincipalName ::= SEQUENCE { realm [0] Realm, principalName [1] PrincipalName }},
 * PrincipalName being RFC 4120 §5.2.2's {@code SEQUENCE { name-type [0] Int32, name-string [1] SEQUENCE OF
 * KerberosString }}.
 */
public record Krb5PrincipalName(int nameType, List<String> components, String realm) {
    /** NT-PRINCIPAL, RFC 4120 §6.2: a user. */
    public static final int NT_PRINCIPAL = 1;
    /** NT-SRV-INST, RFC 4120 §6.2: a service and its instance, like krbtgt/REALM. */
    public static final int NT_SRV_INST = 2;
    private static final int MAX_COMPONENTS = 8;

    public Krb5PrincipalName {
        components = List.copyOf(components);
    }

    /** The ticket-granting service of a realm, {@code krbtgt/REALM@REALM}. */
    public static Krb5PrincipalName ticketGrantingService(String realm) {
        return new Krb5PrincipalName(NT_SRV_INST, List.of("krbtgt", realm), realm);
    }

    /** Same components and realm; RFC 4120 §6.2 makes the name type a hint only. */
    public boolean sameName(Krb5PrincipalName other) {
        return components.equals(other.components) && realm.equals(other.realm);
    }

    ASN1Primitive toAsn1() {
        List<ASN1Encodable> names = new ArrayList<>();
        components.forEach(component -> names.add(new DERGeneralString(component)));
        return new DERSequence(new ASN1Encodable[] {
            Der.explicit(0, new DERGeneralString(realm)),
            Der.explicit(1, new DERSequence(new ASN1Encodable[] {
                Der.explicit(0, new ASN1Integer(nameType)),
                Der.explicit(1, new DERSequence(names.toArray(ASN1Encodable[]::new))),
            })),
        });
    }

    byte[] encoded() {
        return Der.encode(toAsn1());
    }

    static Krb5PrincipalName decode(ASN1Encodable object) throws MalformedPkinitException {
        Der.Fields fields = Der.fields(object, "KRB5PrincipalName");
        String realm = string(fields.explicit(0));
        Der.Fields name = Der.fields(fields.explicit(1), "PrincipalName");
        int type = (int) name.integer(0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        List<String> components = new ArrayList<>();
        for (ASN1Primitive component : name.sequenceOf(1, MAX_COMPONENTS)) {
            components.add(string(component));
        }
        return new Krb5PrincipalName(type, components, realm);
    }

    @Override
    public String toString() {
        return String.join("/", components) + "@" + realm;
    }

    private static String string(ASN1Primitive object) throws MalformedPkinitException {
        if (!(object instanceof ASN1GeneralString string)) {
            throw new MalformedPkinitException("a KerberosString is not a GeneralString");
        }
        return string.getString();
    }
}
