package io.homeward.kerberos.internal.wire;

import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSequence;

/**
 * PrincipalName (RFC 4120 §5.2.2, §6.2): a name type and one to {@link #MAX_COMPONENTS} components, for example
 * {@code krbtgt/REALM} (NT-SRV-INST) or {@code HTTP/host.example} (NT-SRV-HST).
 */
public record PrincipalName(int nameType, List<String> components) implements DerEncodable {
    public static final int NT_UNKNOWN = 0;
    public static final int NT_PRINCIPAL = 1;
    public static final int NT_SRV_INST = 2;
    public static final int NT_SRV_HST = 3;
    public static final int NT_ENTERPRISE = 10;
    public static final int NT_WELLKNOWN = 11;
    public static final int MAX_COMPONENTS = 8;

    public PrincipalName {
        components = List.copyOf(components);
        if (components.isEmpty() || components.size() > MAX_COMPONENTS) {
            throw new IllegalArgumentException("a principal name has 1 to " + MAX_COMPONENTS + " components");
        }
        components.forEach(component -> Der.checkString(component, "a principal name component"));
    }

    public static PrincipalName of(int nameType, String... components) {
        return new PrincipalName(nameType, List.of(components));
    }

    /** The ticket-granting service of {@code realm}: {@code krbtgt/REALM}, NT-SRV-INST (RFC 4120 §7.3). */
    public static PrincipalName ticketGrantingService(String realm) {
        return of(NT_SRV_INST, "krbtgt", realm);
    }

    public static PrincipalName decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "PrincipalName"));
    }

    public static PrincipalName fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 1, "PrincipalName");
        int nameType = fields.int32(0, "name-type");
        List<String> components = fields.required(1, "name-string", sequence -> {
            if (Der.sequence(sequence, "name-string").size() > MAX_COMPONENTS) {
                throw new KerberosFormatException("more than " + MAX_COMPONENTS + " components");
            }
            return Der.sequenceOf(sequence, component -> Der.string(component, "component"), "name-string");
        });
        if (components.isEmpty()) {
            throw new KerberosFormatException("PrincipalName without components");
        }
        return new PrincipalName(nameType, components);
    }

    @Override
    public ASN1Primitive toAsn1() {
        ASN1EncodableVector names = new ASN1EncodableVector(components.size());
        components.forEach(component -> names.add(Der.string(component)));
        return Der.sequence(Der.field(0, Der.integer(nameType)), Der.field(1, new DERSequence(names)));
    }

    /** The components joined by "/" (RFC 1964 §2.1.1 without the realm). */
    @Override
    public String toString() {
        return String.join("/", components);
    }
}
