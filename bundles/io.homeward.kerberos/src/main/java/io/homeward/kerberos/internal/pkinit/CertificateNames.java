package io.homeward.kerberos.internal.pkinit;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.OtherName;

/** What a certificate names and allows that PKINIT looks at: SANs (RFC 5280 §4.2.1.6) and EKUs (§4.2.1.12). */
final class CertificateNames {
    private static final int OTHER_NAME = 0;
    private static final int MAX_NAME_LENGTH = 1024;

    private CertificateNames() {
    }

    /** The strings of the SANs of a type (dNSName 2, URI 6), in lower case. */
    static List<String> alternativeNames(X509Certificate certificate, int type) throws PkinitException {
        List<String> names = new ArrayList<>();
        for (List<?> name : all(certificate)) {
            if (name.size() == 2 && Integer.valueOf(type).equals(name.get(0)) && name.get(1) instanceof String value) {
                names.add(value.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** The principals of the id-pkinit-san otherNames (RFC 4556 §3.2.2); unreadable ones are left out. */
    static List<Krb5PrincipalName> pkinitSans(X509Certificate certificate) throws PkinitException {
        List<Krb5PrincipalName> principals = new ArrayList<>();
        for (List<?> name : all(certificate)) {
            if (name.size() == 2 && Integer.valueOf(OTHER_NAME).equals(name.get(0))
                    && name.get(1) instanceof byte[] encoded) {
                try {
                    OtherName otherName = otherName(Der.read(encoded, MAX_NAME_LENGTH, "otherName"));
                    if (otherName.getTypeID().equals(PkinitOids.PKINIT_SAN)) {
                        principals.add(Krb5PrincipalName.decode(explicitValue(otherName.getValue())));
                    }
                } catch (MalformedPkinitException | RuntimeException e) {
                    // an unreadable otherName names no principal
                    continue;
                }
            }
        }
        return principals;
    }

    /** The JDK hands out an otherName as the GeneralName ({@code [0]}-tagged) or as the bare OtherName SEQUENCE. */
    private static OtherName otherName(ASN1Primitive name) {
        return name instanceof ASN1TaggedObject ? OtherName.getInstance(GeneralName.getInstance(name).getName())
                : OtherName.getInstance(name);
    }

    /** OtherName's {@code value [0] EXPLICIT ANY}, with or without the tag Bouncy Castle may leave on. */
    private static ASN1Encodable explicitValue(ASN1Encodable value) {
        return value instanceof ASN1TaggedObject tagged ? tagged.getExplicitBaseObject() : value;
    }

    static boolean hasPurpose(X509Certificate certificate, ASN1ObjectIdentifier purpose) throws PkinitException {
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes != null && purposes.contains(purpose.getId());
        } catch (CertificateParsingException e) {
            throw new PkinitException(PkinitError.INVALID_CERTIFICATE, "unreadable extended key usage");
        }
    }

    private static Collection<List<?>> all(X509Certificate certificate) throws PkinitException {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            throw new PkinitException(PkinitError.INVALID_CERTIFICATE, "unreadable subjectAltName");
        }
    }
}
