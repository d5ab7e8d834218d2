package io.homeward.rendezvous.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

import io.homeward.api.ca.CertificateRequestException;

/**
 * Checks a PKCS#10 request (RFC 2986) as docs/enrollment.md ("Host certificates") says: at most 16 KiB, signed with
 * its own key, the key EC P-256, Ed25519 or RSA of 2048 to 16384 bits, and its subject (only CN) and its requested
 * subject alternative names (only dNSName) naming exactly the host. Only the public key is taken from it.
 */
final class CertificationRequestCheck {
    static final int MAX_BYTES = 16 * 1024;
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 16384;

    private CertificationRequestCheck() {
    }

    /**
     * The request's public key once every check passed.
     *
     * @param name the host's name without the final dot, in lower case
     */
    static SubjectPublicKeyInfo publicKey(byte[] der, String name) throws CertificateRequestException {
        if (der == null || der.length == 0) {
            throw new CertificateRequestException("the certification request is empty");
        }
        if (der.length > MAX_BYTES) {
            throw new CertificateRequestException("the certification request is " + der.length
                    + " bytes, more than the 16 KiB allowed");
        }
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new CertificateRequestException("the certification request is not a PKCS#10 request in DER"
                    + " (RFC 2986): " + oneLine(e));
        }
        try {
            SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
            checkSignature(request, publicKey(key, checkKey(key)));
            checkSubject(request, name);
            checkAlternativeNames(request, name);
            return key;
        } catch (IOException | RuntimeException e) {
            throw new CertificateRequestException("the certification request is malformed: " + oneLine(e));
        }
    }

    /** The key's JCA algorithm name once it is one the CA takes. */
    private static String checkKey(SubjectPublicKeyInfo key) throws CertificateRequestException, IOException {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            if (!X9ObjectIdentifiers.prime256v1.equals(key.getAlgorithm().getParameters())) {
                throw new CertificateRequestException("the request's EC key is not on the curve P-256"
                        + " (the CA takes EC P-256, Ed25519 or RSA of at least 2048 bits)");
            }
            return "EC";
        }
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            BigInteger modulus = RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
            int bits = modulus.bitLength();
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                throw new CertificateRequestException("the request's RSA key has " + bits + " bits; the CA takes "
                        + MIN_RSA_BITS + " to " + MAX_RSA_BITS);
            }
            return "RSA";
        }
        if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        throw new CertificateRequestException("the request's key (algorithm " + algorithm.getId() + ") is not EC"
                + " P-256, Ed25519 or RSA of at least 2048 bits");
    }

    /** The key for the JDK's own providers; no Bouncy Castle provider is registered. */
    private static PublicKey publicKey(SubjectPublicKeyInfo key, String algorithm)
            throws CertificateRequestException, IOException {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new CertificateRequestException("the request's " + algorithm + " key is malformed: " + oneLine(e));
        }
    }

    private static void checkSignature(PKCS10CertificationRequest request, PublicKey key)
            throws CertificateRequestException {
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (OperatorCreationException | PKCSException e) {
            throw new CertificateRequestException("the request's signature cannot be checked: " + oneLine(e));
        }
        if (!valid) {
            throw new CertificateRequestException("the request's signature does not verify with its own key");
        }
    }

    private static void checkSubject(PKCS10CertificationRequest request, String name)
            throws CertificateRequestException {
        boolean named = false;
        for (RDN rdn : request.getSubject().getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (!attribute.getType().equals(BCStyle.CN)) {
                    throw new CertificateRequestException("the request's subject may hold only CN=" + name
                            + ", not " + BCStyle.INSTANCE.oidToDisplayName(attribute.getType()));
                }
                String value = text(attribute.getValue());
                if (!value.equalsIgnoreCase(name)) {
                    throw new CertificateRequestException("the request's subject names '" + shown(value) + "', not "
                            + name);
                }
                named = true;
            }
        }
        if (!named) {
            throw new CertificateRequestException("the request's subject must be CN=" + name);
        }
    }

    private static void checkAlternativeNames(PKCS10CertificationRequest request, String name)
            throws CertificateRequestException {
        for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            for (ASN1Encodable requested : attribute.getAttributeValues()) {
                GeneralNames names = GeneralNames.fromExtensions(Extensions.getInstance(requested),
                        Extension.subjectAlternativeName);
                if (names == null) {
                    continue;
                }
                for (GeneralName alternative : names.getNames()) {
                    if (alternative.getTagNo() != GeneralName.dNSName) {
                        throw new CertificateRequestException("the request asks for a subject alternative name"
                                + " other than a DNS name (type " + alternative.getTagNo() + "); only " + name
                                + " is allowed");
                    }
                    String value = text(alternative.getName());
                    if (!value.equalsIgnoreCase(name)) {
                        throw new CertificateRequestException("the request asks for the DNS name '" + shown(value)
                                + "'; only " + name + " is allowed");
                    }
                }
            }
        }
    }

    private static String text(ASN1Encodable value) throws CertificateRequestException {
        if (value instanceof ASN1String string) {
            return string.getString();
        }
        throw new CertificateRequestException("the request names its host with something other than a string");
    }

    /** A name from the request as a log line may show it: printable ASCII, at most 80 characters. */
    private static String shown(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
