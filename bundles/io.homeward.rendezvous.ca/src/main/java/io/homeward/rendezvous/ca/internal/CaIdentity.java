package io.homeward.rendezvous.ca.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The CA's signing key and its self-signed certificate. */
record CaIdentity(PrivateKey key, X509Certificate certificate) {
    /** What the CA signs with: ECDSA P-256 with SHA-256 (docs/enrollment.md, "The account CA"). */
    static final String SIGNATURE = "SHA256withECDSA";

    ContentSigner signer() {
        try {
            return new JcaContentSignerBuilder(SIGNATURE).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the CA key: " + e.getMessage(), e);
        }
    }

    /** The CA's name, encoded exactly as in its certificate, for the issuer of what it signs. */
    X500Name name() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    SubjectPublicKeyInfo publicKeyInfo() {
        return SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
    }
}
