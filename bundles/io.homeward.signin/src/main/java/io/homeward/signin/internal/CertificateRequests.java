package io.homeward.signin.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The agent's side of a certificate request (RFC 7030 §4.2): an EC P-256 key pair made here, whose private key
 * never leaves the machine, and a PKCS#10 request (RFC 2986) naming {@code CN=host.zone}, as docs/enrollment.md's
 * host certificate table says the CA expects.
 */
final class CertificateRequests {

    private CertificateRequests() {
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has EC P-256", e);
        }
    }

    /** The DER of a PKCS#10 request for {@code CN=<host>.<zone without the final dot>}, signed with the pair. */
    static byte[] request(String host, String zone, KeyPair keys) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName(host, zone)).build();
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot sign a certificate request with a new P-256 key", e);
        }
    }

    static String commonName(String host, String zone) {
        String z = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        return host + "." + z;
    }
}
