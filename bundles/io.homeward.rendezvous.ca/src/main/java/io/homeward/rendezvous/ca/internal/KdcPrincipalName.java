package io.homeward.rendezvous.ca.internal;

import java.util.Locale;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.OtherName;

/**
 * The subjectAltName otherName id-pkinit-san (RFC 4556 §3.2.2) naming the ticket-granting service of the host's own
 * KDC, {@code krbtgt/REALM@REALM} with REALM the host's name in upper case: what MIT's PKINIT client requires of the
 * KDC's certificate (docs/kerberos.md "PKINIT").
 */
final class KdcPrincipalName {
    /** id-pkinit-san, RFC 4556 §3.2.2. */
    static final ASN1ObjectIdentifier PKINIT_SAN = new ASN1ObjectIdentifier("1.3.6.1.5.2.2");
    /** NT-SRV-INST, RFC 4120 §6.2: the name type of krbtgt. */
    private static final int NT_SRV_INST = 2;

    private KdcPrincipalName() {
    }

    /**
     * @param name the host's name ({@code host.zone}) without the final dot
     */
    static GeneralName forHost(String name) {
        String realm = name.toUpperCase(Locale.ROOT);
        // KRB5PrincipalName ::= SEQUENCE { realm [0] Realm, principalName [1] PrincipalName } (RFC 4556 §3.2.2)
        DERSequence principalName = new DERSequence(new ASN1Encodable[] {
            new DERTaggedObject(true, 0, new ASN1Integer(NT_SRV_INST)),
            new DERTaggedObject(true, 1, new DERSequence(new ASN1Encodable[] {
                new DERGeneralString("krbtgt"), new DERGeneralString(realm),
            })),
        });
        DERSequence krb5PrincipalName = new DERSequence(new ASN1Encodable[] {
            new DERTaggedObject(true, 0, new DERGeneralString(realm)),
            new DERTaggedObject(true, 1, principalName),
        });
        return new GeneralName(GeneralName.otherName, new OtherName(PKINIT_SAN, krb5PrincipalName));
    }
}
