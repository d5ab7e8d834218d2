package io.homeward.kerberos.internal.pkinit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * Just enough of RFC 4120 §5.4.1's AS-REQ for these tests ({@code [APPLICATION 10] KDC-REQ}; the bundle's message
 * codec is elsewhere): the KDC-REQ-BODY's DER, nonce, cname, realm and sname, and the padata by type.
 */
record TestAsReq(byte[] encoded, byte[] reqBody, long nonce, Krb5PrincipalName client, Krb5PrincipalName server,
        List<byte[]> padata, List<Integer> padataTypes) {
    private static final int AS_REQ = 10;

    static TestAsReq decode(byte[] encoded) throws Exception {
        ASN1TaggedObject application = (ASN1TaggedObject) ASN1Primitive.fromByteArray(encoded);
        if (application.getTagClass() != BERTags.APPLICATION || application.getTagNo() != AS_REQ) {
            throw new IllegalArgumentException("not an AS-REQ");
        }
        Der.Fields request = Der.fields(application.getExplicitBaseObject(), "KDC-REQ");
        List<byte[]> padata = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (ASN1Primitive element : request.sequenceOf(3, 32)) {
            Der.Fields data = Der.fields(element, "PA-DATA");
            types.add((int) data.integer(1, Integer.MIN_VALUE, Integer.MAX_VALUE));
            padata.add(data.octets(2));
        }
        ASN1Primitive body = request.explicit(4);
        Der.Fields fields = Der.fields(body, "KDC-REQ-BODY");
        String realm = DERGeneralString.getInstance(fields.explicit(2)).getString();
        return new TestAsReq(encoded, Der.encode(body), fields.integer(7, 0, 4294967295L),
                principal(fields.explicit(1), realm), principal(fields.explicit(3), realm), padata, types);
    }

    /** The padata-value of a type. */
    byte[] padata(int type) {
        return padata.get(padataTypes.indexOf(type));
    }

    PkinitAsRequest pkinit() {
        return new PkinitAsRequest(reqBody, nonce, client, server, encoded);
    }

    /** An AS-REQ with this body and one PA-DATA, the way a client builds it around its PA-PK-AS-REQ. */
    static byte[] encode(byte[] reqBody, int padataType, byte[] padataValue) throws Exception {
        ASN1Encodable paData = new DERSequence(new ASN1Encodable[] {
            Der.explicit(1, new ASN1Integer(padataType)), Der.explicit(2, new DEROctetString(padataValue)),
        });
        return Der.encode(new DERTaggedObject(true, BERTags.APPLICATION, AS_REQ, new DERSequence(new ASN1Encodable[] {
            Der.explicit(1, new ASN1Integer(5)), Der.explicit(2, new ASN1Integer(AS_REQ)),
            Der.explicit(3, new DERSequence(paData)), Der.explicit(4, ASN1Primitive.fromByteArray(reqBody)),
        })));
    }

    /** A KDC-REQ-BODY for {@code cname@realm} to {@code krbtgt/realm} with a nonce. */
    static byte[] body(String cname, String realm, long nonce) {
        return Der.encode(new DERSequence(new ASN1Encodable[] {
            Der.explicit(0, new DERBitString(new byte[4])),
            Der.explicit(1, principalName(Krb5PrincipalName.NT_PRINCIPAL, cname)),
            Der.explicit(2, new DERGeneralString(realm)),
            Der.explicit(3, principalName(Krb5PrincipalName.NT_SRV_INST, "krbtgt", realm)),
            Der.explicit(5, KerberosTime.encode(Instant.parse("2037-09-13T02:48:05Z"))),
            Der.explicit(7, new ASN1Integer(nonce)),
            Der.explicit(8, new DERSequence(new ASN1Encodable[] {new ASN1Integer(20), new ASN1Integer(18)})),
        }));
    }

    private static ASN1Sequence principalName(int type, String... components) {
        List<ASN1Encodable> names = new ArrayList<>();
        for (String component : components) {
            names.add(new DERGeneralString(component));
        }
        return new DERSequence(new ASN1Encodable[] {
            Der.explicit(0, new ASN1Integer(type)),
            Der.explicit(1, new DERSequence(names.toArray(ASN1Encodable[]::new))),
        });
    }

    private static Krb5PrincipalName principal(ASN1Primitive principalName, String realm) throws Exception {
        Der.Fields fields = Der.fields(principalName, "PrincipalName");
        List<String> components = new ArrayList<>();
        for (ASN1Primitive component : fields.sequenceOf(1, 8)) {
            components.add(DERGeneralString.getInstance(component).getString());
        }
        return new Krb5PrincipalName((int) fields.integer(0, Integer.MIN_VALUE, Integer.MAX_VALUE), components,
                realm);
    }
}
