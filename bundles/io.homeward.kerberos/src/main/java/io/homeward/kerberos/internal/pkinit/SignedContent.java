package io.homeward.kerberos.internal.pkinit;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoVerifierBuilder;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * CMS SignedData (RFC 5652 §5) as PKINIT uses it (RFC 4556 §3.2.1, §3.2.3): the signed AuthPack and the signed
 * KDCDHKeyInfo, the content encapsulated with its eContentType, one signer, the signer's certificate chain included.
 */
final class SignedContent {
    private static final int MAX_CERTIFICATES = 8;
    private static final CMSSignatureAlgorithmNameGenerator NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();
    private static final String RSA = "WITHRSA";

    private final byte[] content;
    private final X509Certificate signer;
    private final SignerInformation signerInfo;

    private SignedContent(byte[] content, X509Certificate signer, SignerInformation signerInfo) {
        this.content = content;
        this.signer = signer;
        this.signerInfo = signerInfo;
    }

    /** A ContentInfo of SignedData over the content, signed with SHA-256 and the credential's key. */
    static byte[] sign(ASN1ObjectIdentifier contentType, byte[] content, SigningCredential credential) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            // content type and message digest only: no signingTime from the wall clock (RFC 5652 §11.3 makes it
            // optional, and RFC 4556's time is the PKAuthenticator's)
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).setSignedAttributeGenerator(parameters ->
                            new DefaultSignedAttributeTableGenerator().getAttributes(parameters)
                                    .remove(CMSAttributes.signingTime)).build(contentSigner(credential),
                            credential.certificate()));
            generator.addCertificates(new JcaCertStore(credential.chain()));
            return generator.generate(new CMSProcessableByteArray(contentType, content), true)
                    .getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | CertificateException | IOException e) {
            throw new IllegalStateException("cannot sign PKINIT content: " + e.getMessage(), e);
        }
    }

    /**
     * An EC key signs with Bouncy Castle's own ECDSA (as {@link #verifier()} verifies), several times faster than the
     * JDK 17's; a key that does not give its encoding (a token's) and other keys sign through the JCA.
     */
    private static ContentSigner contentSigner(SigningCredential credential)
            throws OperatorCreationException, IOException {
        byte[] encoded = credential.key().getEncoded();
        if ("EC".equals(credential.key().getAlgorithm()) && encoded != null) {
            AlgorithmIdentifier signature = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            return new BcECContentSignerBuilder(signature, new DefaultDigestAlgorithmIdentifierFinder().find(signature))
                    .build(PrivateKeyFactory.createKey(encoded));
        }
        return new JcaContentSignerBuilder(signatureAlgorithm(credential)).build(credential.key());
    }

    /**
     * Reads a ContentInfo of SignedData with the given eContentType and its one signer's certificate, which the
     * SignedData must carry. The signature is checked by {@link #verifySignature()}, after the certificate.
     */
    static SignedContent open(byte[] contentInfo, ASN1ObjectIdentifier contentType, int maxLength)
            throws PkinitException {
        try {
            Der.read(contentInfo, maxLength, "the signed " + contentType);
            CMSSignedData signed = new CMSSignedData(contentInfo);
            if (!contentType.getId().equals(signed.getSignedContentTypeOID()) || signed.getSignedContent() == null) {
                throw new PkinitException(PkinitError.PREAUTH_FAILED, "signed content of type "
                        + signed.getSignedContentTypeOID() + ", not " + contentType);
            }
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new PkinitException(PkinitError.PREAUTH_FAILED, signers.size() + " signers, not one");
            }
            SignerInformation signerInfo = signers.iterator().next();
            Collection<X509CertificateHolder> certificates = signed.getCertificates().getMatches(null);
            if (certificates.size() > MAX_CERTIFICATES) {
                throw new PkinitException(PkinitError.PREAUTH_FAILED, certificates.size() + " certificates");
            }
            List<X509CertificateHolder> matches = new ArrayList<>(
                    signed.getCertificates().getMatches(signerInfo.getSID()));
            if (matches.isEmpty()) {
                throw new PkinitException(PkinitError.CANT_VERIFY_CERTIFICATE,
                        "the SignedData lacks the signer's certificate");
            }
            X509Certificate signer = new JcaX509CertificateConverter().getCertificate(matches.get(0));
            return new SignedContent((byte[]) signed.getSignedContent().getContent(), signer, signerInfo);
        } catch (MalformedPkinitException | CMSException | CertificateException | RuntimeException e) {
            throw new PkinitException(PkinitError.PREAUTH_FAILED, "unreadable SignedData: " + e.getMessage());
        }
    }

    byte[] content() {
        return content.clone();
    }

    X509Certificate signer() {
        return signer;
    }

    void verifySignature() throws PkinitException {
        boolean valid;
        try {
            valid = signerInfo.verify(verifier());
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new PkinitException(PkinitError.INVALID_SIG, "the signature of "
                    + signer.getSubjectX500Principal().getName() + " does not verify");
        }
    }

    /**
     * An EC signer's signature is verified with Bouncy Castle's own ECDSA, by the key type whatever the SignerInfo's
     * label says (the digest as the label names it) and once: the JCA verifier checks each signature a second time in
     * its "raw" form, and the JDK's P-256 arithmetic is slower. Other keys go through the JCA by
     * {@link #signatureName}.
     */
    private SignerInformationVerifier verifier() throws OperatorCreationException, CertificateEncodingException {
        if ("EC".equals(signer.getPublicKey().getAlgorithm())) {
            return new SignerInformationVerifier(NAMES, new DefaultSignatureAlgorithmIdentifierFinder(),
                    new BcECContentVerifierProviderBuilder(new DefaultDigestAlgorithmIdentifierFinder())
                            .build(new JcaX509CertificateHolder(signer)), new BcDigestCalculatorProvider());
        }
        return new JcaSignerInfoVerifierBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignatureAlgorithmNameGenerator(this::signatureName).build(signer);
    }

    /**
     * The signature's algorithm by the signer's key type: MIT krb5 1.20 labels its ECDSA signatures
     * sha256WithRSAEncryption (seen in the requests of its kinit, docs/kerberos.md "PKINIT").
     */
    private String signatureName(AlgorithmIdentifier digest, AlgorithmIdentifier signature) {
        String name = NAMES.getSignatureName(digest, signature);
        if ("EC".equals(signer.getPublicKey().getAlgorithm()) && name.toUpperCase(Locale.ROOT).endsWith(RSA)) {
            return name.substring(0, name.length() - "RSA".length()) + "ECDSA";
        }
        return name;
    }

    private static String signatureAlgorithm(SigningCredential credential) {
        return switch (credential.key().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("no PKINIT signature with a "
                    + credential.key().getAlgorithm() + " key");
        };
    }
}
