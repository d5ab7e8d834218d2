package io.homeward.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 certification requests (RFC 2986) as an agent makes them for EST, built with Bouncy Castle: a fresh key pair
 * per request, the subject {@code CN=host.zone} and, when asked, subjectAltName dNSNames.
 */
public final class CertificateRequests {
    private CertificateRequests() {
    }

    /** A key pair as agents make them: ECDSA P-256 (docs/enrollment.md, "The account CA"). */
    public static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has EC P-256", e);
        }
    }

    /** An RSA key pair of the size given (the CA refuses less than 2048 bits). */
    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }

    /** The DER of a request for {@code fqdn} (without the final dot), signed by the pair's private key. */
    public static byte[] forName(KeyPair pair, String fqdn, List<String> dnsNames) {
        JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(
                new X500Principal("CN=" + fqdn), pair.getPublic());
        try {
            if (!dnsNames.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                        dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            String algorithm = pair.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return builder.build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request for {@code host.zone} without SANs, on a fresh P-256 key; {@code zone} without its final dot. */
    public static byte[] forHost(String host, String zone) {
        return forName(p256(), host + "." + zone, List.of());
    }

    /** The same request with one bit of its signature flipped: well formed, but its signature does not verify. */
    public static byte[] withBadSignature(byte[] request) {
        byte[] damaged = request.clone();
        damaged[damaged.length - 3] ^= 0x01;
        return damaged;
    }
}
